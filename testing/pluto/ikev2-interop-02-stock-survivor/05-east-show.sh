# what east sent west while it had no state (counts vary: shown as seen or not)
ipsec whack --globalstatus | grep -E 'total\.(qcd\.replies\.(sent|too_short)|hint\.notify\.sent)=' | sed -e 's/=[1-9][0-9]*$/=N/'
ipsec whack --trafficstatus | sed -e 's/#[0-9]*/#N/g' -e 's/inBytes=[0-9]*/inBytes=N/' -e 's/outBytes=[0-9]*/outBytes=N/'
grep -c -E 'ASSERTION|EXPECTATION' /tmp/pluto.log
