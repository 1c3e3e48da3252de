# road's ESP-in-UDP meets an east without SAs: the hint comes back
# through the NAT, road probes at once, QCD settles it
../../guestbin/wait-for-pluto.sh --timeout 60 'lost its IKE SA state'
../../guestbin/wait-for-pluto.sh --timeout 30 '#4: initiator established Child SA'
echo $(date +%s.%N) $(cat OUTPUT/east-up) | awk '{ printf "back %.1fs after east was up\n", $1 - $2 }' > OUTPUT/road-back
../../guestbin/ping-once.sh --up -I 192.1.3.209 192.0.2.254
../../guestbin/qcd-status.sh 'hint.(probed|retransmitted|malformed)' 'decision.acted'
