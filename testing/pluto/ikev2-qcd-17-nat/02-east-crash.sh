# road's IKE SA is seen from the NAT's address and a remapped port
ipsec showstates | grep -o -E '192\.1\.2\.254:[0-9]+' | sort -u
../../guestbin/qcd-status.sh '^#'
# lose all state: no Delete, then a new pluto with the same NSS database
ipsec whack --impair send_no_delete
ipsec stop
# capture the first packet this host sends to the NAT: the unprotected reply
(tcpdump --immediate-mode -i eth1 -n -s 0 -c 1 -w /tmp/qcd.pcap src host 192.1.2.23 and dst host 192.1.2.254 and udp > /dev/null 2>&1 &)
ipsec start
../../guestbin/wait-until-pluto-started
