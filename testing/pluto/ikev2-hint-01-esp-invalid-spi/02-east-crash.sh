# lose all state: no Delete, then a new pluto with the same NSS database
ipsec whack --impair send_no_delete
ipsec stop
ip xfrm state
ipsec start
../../guestbin/wait-until-pluto-started
date +%s.%N > OUTPUT/east-up
