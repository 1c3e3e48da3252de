ipsec whack --trafficstatus
grep -c -E 'ASSERTION|EXPECTATION' /tmp/pluto.log
