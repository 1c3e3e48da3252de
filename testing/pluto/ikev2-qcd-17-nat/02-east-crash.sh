# road's IKE SA is seen from the NAT's address and a remapped port
ipsec showstates | grep -o -E '192\.1\.2\.254:[0-9]+' | sort -u
../../guestbin/qcd-status.sh '^#'
# lose all state: no Delete, then a new pluto with the same NSS database
ipsec whack --impair send_no_delete
ipsec stop
# capture from now on; the first packet this host sends to the NAT is
# the unprotected reply
../../guestbin/tcpdump.sh --start -i eth1
ipsec start
../../guestbin/wait-until-pluto-started
