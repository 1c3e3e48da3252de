# no token from strongSwan: liveness decides, as in stock
../../guestbin/wait-for-pluto.sh --timeout 90 'second timeout exceeded'
# (the new Child SA is #4 unless a slow host made the revival's
# IKE_AUTH time out once)
../../guestbin/wait-for-pluto.sh --timeout 60 '#\([3-9]\|[1-9][0-9]\+\): initiator established Child SA'
../../guestbin/ping-once.sh --up -I 192.0.1.254 192.0.2.254
grep -c -E 'lost its IKE SA state|forged state-loss evidence|ASSERTION|EXPECTATION' /tmp/pluto.log
