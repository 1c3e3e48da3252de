# west's liveness probe goes unanswered and backs off: 0.5, 1, 2, 4, 8, 16s
../../guestbin/wait-for-pluto.sh --timeout 90 'retransmission; will wait 16 seconds'
