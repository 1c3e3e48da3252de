pkill -CONT -x pluto || echo "no pluto to resume"
# stock west: liveness decides; east's unprotected answers change nothing
../../guestbin/wait-for-pluto.sh --timeout 90 'second timeout exceeded' | sed -e 's/after [0-9]* retransmits/after N retransmits/'
# (the new Child SA is #4 unless a slow host made the revival's
# IKE_AUTH time out once)
../../guestbin/wait-for-pluto.sh --timeout 60 '#\([3-9]\|[1-9][0-9]\+\): initiator established Child SA' | sed -e 's/#[0-9][0-9]*/#N/g' -e 's/0x[0-9a-f]*/0xSPI/g'
../../guestbin/ping-once.sh --up -I 192.0.1.254 192.0.2.254
pkill ping
grep -c -E 'ASSERTION|EXPECTATION' /tmp/pluto.log
