# the hint makes west retransmit its probe at once: east answers it with
# its QCD token, rather than 16 seconds later
../../guestbin/wait-for-pluto.sh --timeout 60 'lost its IKE SA state'
../../guestbin/wait-for-pluto.sh --timeout 30 '#4: initiator established Child SA'
echo $(date +%s.%N) $(cat OUTPUT/east-up) | awk '{ printf "back %.1fs after east was up\n", $1 - $2 }' > OUTPUT/west-back
../../guestbin/ping-once.sh --up -I 192.0.1.254 192.0.2.254
../../guestbin/qcd-status.sh 'hint.(probed|retransmitted)' 'decision.acted'
