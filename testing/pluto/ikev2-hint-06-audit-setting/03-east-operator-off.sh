# pluto turns auditing on; the operator turns it off meanwhile: at the
# end pluto leaves it as the operator left it, and says so
../../guestbin/audit-status.py enable 0
ipsec start
../../guestbin/wait-until-pluto-started
../../guestbin/audit-status.py
../../guestbin/audit-status.py enable 0
ipsec stop
grep -E 'invalid-spi-notify' /tmp/pluto.log | grep -v '^|' | tail -n 1
../../guestbin/audit-status.py
