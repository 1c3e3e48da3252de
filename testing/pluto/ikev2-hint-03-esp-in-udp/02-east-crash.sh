# lose all state: no Delete, then a new pluto with the same NSS database
ipsec whack --impair send_no_delete
ipsec stop
# capture from now on; the first packet to the NAT's port 4500 is the
# hint, with a non-ESP marker
../../guestbin/tcpdump.sh --start -i eth1
ipsec start
../../guestbin/wait-until-pluto-started
date +%s.%N > OUTPUT/east-up
