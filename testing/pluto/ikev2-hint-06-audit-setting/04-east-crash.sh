# pluto turns auditing on and dies; the next pluto, without the
# option, turns it off again (an earlier pluto's change) and keeps
# neither capability
ipsec start
../../guestbin/wait-until-pluto-started
../../guestbin/audit-status.py
kill -9 $(pidof pluto)
# (the dead pluto's lock file would stop the next one)
rm -f /run/pluto/pluto.pid /run/pluto/pluto.ctl
sed -i -e '/invalid-spi-notify=yes/d' /etc/ipsec.conf
ipsec start
../../guestbin/wait-until-pluto-started
grep -E 'invalid-spi-notify' /tmp/pluto.log | grep -v '^|'
../../guestbin/audit-status.py
../../guestbin/audit-status.py caps $(pidof pluto)
ipsec stop
