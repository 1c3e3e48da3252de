# what east sent west while it had no state (counts vary: shown as seen or not)
../../guestbin/qcd-status.sh --nonzero 'total\.(qcd\.replies\.(sent|too_short)|hint\.notify\.sent)='
ipsec whack --trafficstatus
grep -c -E 'ASSERTION|EXPECTATION' /tmp/pluto.log
