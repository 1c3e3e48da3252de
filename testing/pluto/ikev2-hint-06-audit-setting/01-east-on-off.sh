# auditing off: pluto turns it on, keeps only CAP_AUDIT_CONTROL (to
# turn it off at the end), and turns it off again when it stops
ipsec start
../../guestbin/wait-until-pluto-started
grep -E 'invalid-spi-notify' /tmp/pluto.log | grep -v '^|'
../../guestbin/audit-status.py
../../guestbin/audit-status.py caps $(pidof pluto)
ipsec stop
grep -E 'invalid-spi-notify' /tmp/pluto.log | grep -v '^|' | tail -n 1
../../guestbin/audit-status.py
