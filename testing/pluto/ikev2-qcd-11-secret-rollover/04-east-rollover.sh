# a fifth rollover: west's token is now generation .1, nothing is sent
ipsec qcdsecret --rollover 2>/dev/null
ipsec rereadsecrets
# an interrupted rollover: the current key is gone, the older ones stay;
# pluto makes do with them (west's token is still among them)
symkeyutil -D -n qcd-secret -d sql:/etc/ipsec.d > /dev/null
ipsec qcdsecret --status 2>/dev/null
ipsec rereadsecrets
../../guestbin/qcd-status.sh 'secret'
# capture the first packet this host sends from now on: the unprotected reply
(tcpdump --immediate-mode -i eth1 -n -s 0 -c 1 -w /tmp/qcd.pcap src host 192.1.2.23 and udp port 500 > /dev/null 2>&1 &)
# lose the IKE SA without a Delete, pluto keeps running (ipsec start
# would complete the rollover by making a new current key)
ipsec whack --impair send_no_delete
ipsec auto --delete westnet-eastnet-qcd
ipsec auto --add westnet-eastnet-qcd
