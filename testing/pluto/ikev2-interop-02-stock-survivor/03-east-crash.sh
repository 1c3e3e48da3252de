# patched east loses all state: no Delete, then a new pluto
ipsec whack --impair send_no_delete
ipsec stop
ipsec start
../../guestbin/wait-until-pluto-started
