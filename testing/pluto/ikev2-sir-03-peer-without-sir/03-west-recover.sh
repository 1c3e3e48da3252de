# the hint makes west probe and ask; east answers neither: SIR decides
# nothing, and the probe that only the hint started ends quietly at its
# timeout (retransmit-timeout=10s): west keeps its IKE SA, as stock
# pluto without dpddelay= would
../../guestbin/wait-for-pluto.sh --timeout 60 'went unanswered; keeping the IKE SA'
ipsec whack --trafficstatus
../../guestbin/qcd-status.sh --nonzero 'sir\.queries_sent=|decision\.(sir_unanswered|probe_unanswered)='
../../guestbin/qcd-status.sh 'sir\.(ack|nack)=' 'decision\.(make_before_break|forgery_caught|acted)='
grep -c -e 'establishing a new IKE SA' -e 'forged state-loss' -e 'timeout exceeded.*deleting' /tmp/pluto.log
grep -c 'deleting IKE SA' /tmp/pluto.log
