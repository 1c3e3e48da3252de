# now the patched side loses all state and restarts (same NSS database)
ipsec whack --impair send_no_delete
ipsec stop
ipsec start
../../guestbin/wait-until-pluto-started
ipsec auto --add westnet-eastnet
date +%s.%N > OUTPUT/west-up
