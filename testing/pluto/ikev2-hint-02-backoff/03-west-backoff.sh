# west's liveness probe goes unanswered and backs off: 0.5, 1, 2, 4, 8, 16s
timeout 90 sh -c 'until grep -q "retransmission; will wait 16 seconds" /tmp/pluto.log; do sleep 0.5; done'
