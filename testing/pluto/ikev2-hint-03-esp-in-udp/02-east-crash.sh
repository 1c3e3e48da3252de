# lose all state: no Delete, then a new pluto with the same NSS database
ipsec whack --impair send_no_delete
ipsec stop
# capture the first hint to the NAT: on port 4500, with a non-ESP marker
(tcpdump --immediate-mode -i eth1 -n -s 0 -c 1 -w /tmp/hint.pcap src host 192.1.2.23 and dst host 192.1.2.254 and udp port 4500 > /dev/null 2>&1 &)
ipsec start
../../guestbin/wait-until-pluto-started
date +%s.%N > OUTPUT/east-up
