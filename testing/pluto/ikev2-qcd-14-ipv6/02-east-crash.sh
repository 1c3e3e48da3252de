# lose all state: no Delete, then a new pluto with the same NSS database
ipsec whack --impair send_no_delete
ipsec stop
# capture the first packet this host sends after it: the unprotected reply
(tcpdump --immediate-mode -i eth1 -n -s 0 -c 1 -w /tmp/qcd.pcap src host 2001:db8:1:2::23 and udp port 500 > /dev/null 2>&1 &)
ipsec start
../../guestbin/wait-until-pluto-started
