# lose all state: no Delete, then a new pluto with the same NSS database
ipsec whack --impair send_no_delete
ipsec stop
# capture from now on; the first packet this host sends is the
# unprotected reply
../../guestbin/tcpdump.sh --start -i eth1
ipsec start
../../guestbin/wait-until-pluto-started
