ipsec showstates
../../guestbin/ping-once.sh --up -I 192.0.2.254 192.0.1.254
ipsec whack --trafficstatus
ipsec stop
grep -e 'EXPECTATION FAILED' -e 'ASSERTION FAILED' /tmp/pluto.log
