# a second rollover west does not hear of (the INFORMATIONAL goes out
# without its token): west keeps the token of what is now generation .1
ipsec whack --impair omit_v2_notification:QUICK_CRASH_DETECTION
ipsec qcdsecret --rollover 2>/dev/null
ipsec rereadsecrets
../../guestbin/qcd-status.sh 'secret'
# lose all state: no Delete, then a new pluto with the same NSS database
ipsec whack --impair send_no_delete
ipsec stop
# capture the first packet this host sends after it: the unprotected reply
(tcpdump -i eth1 -n -s 0 -c 1 -w /tmp/qcd.pcap src host 192.1.2.23 and udp port 500 > /dev/null 2>&1 &)
ipsec start
../../guestbin/wait-until-pluto-started
