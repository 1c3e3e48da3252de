ipsec whack --trafficstatus | sed -e 's/#[0-9]*/#N/g' -e 's/inBytes=[0-9]*/inBytes=N/' -e 's/outBytes=[0-9]*/outBytes=N/'
grep -c -E 'ASSERTION|EXPECTATION' /tmp/pluto.log
