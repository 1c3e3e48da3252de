# auditing on (the operator's): pluto uses it, changes nothing, keeps
# neither capability, and leaves it on when it stops
../../guestbin/audit-status.py enable 1
ipsec start
../../guestbin/wait-until-pluto-started
grep -E 'invalid-spi-notify' /tmp/pluto.log | grep -v '^|'
../../guestbin/audit-status.py caps $(pidof pluto)
ipsec stop
grep -c 'turned the kernel' /tmp/pluto.log
../../guestbin/audit-status.py
