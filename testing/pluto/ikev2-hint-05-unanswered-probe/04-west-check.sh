# the probe the hint started goes unanswered: west keeps its IKE SA
../../guestbin/wait-for-pluto.sh --timeout 60 'went unanswered; keeping the IKE SA'
../../guestbin/qcd-status.sh 'hint.probed' 'decision.(probe_unanswered|window|acted)'
grep -c -e 'deleting IKE SA' -e 'revival' /tmp/pluto.log
ipsec whack --trafficstatus
