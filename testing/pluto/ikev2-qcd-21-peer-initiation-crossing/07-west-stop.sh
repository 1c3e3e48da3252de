ipsec stop
grep -e 'EXPECTATION FAILED' -e 'ASSERTION FAILED' /tmp/pluto.log
