# west's ESP meets an east without SAs: east answers INVALID_SPI, and
# west, which never probes on its own, probes at once; QCD settles it
../../guestbin/wait-for-pluto.sh --timeout 60 'lost its IKE SA state'
../../guestbin/wait-for-pluto.sh --timeout 30 '#4: initiator established Child SA'
echo $(date +%s.%N) $(cat OUTPUT/east-up) | awk '{ printf "back %.1fs after east was up\n", $1 - $2 }' > OUTPUT/west-back
../../guestbin/ping-once.sh --up -I 192.0.1.254 192.0.2.254
ipsec whack --trafficstatus
# one probe, from the hint (the rest of the hints came while it was answered)
../../guestbin/qcd-status.sh 'hint.(probed|retransmitted|malformed)' 'decision.acted'
grep -c 'liveness: ' /tmp/pluto.log
