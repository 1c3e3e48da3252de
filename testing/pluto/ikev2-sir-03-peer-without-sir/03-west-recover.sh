# the hint makes west probe and ask; east answers neither, so the
# probe's liveness timeout decides, as without SIR
../../guestbin/wait-for-pluto.sh --timeout 120 '#\([3-9]\|[1-9][0-9]\+\): initiator established Child SA' | sed -e 's/#[0-9][0-9]*/#N/g' -e 's/0x[0-9a-f]*/0xSPI/g'
../../guestbin/ping-once.sh --up -I 192.0.1.254 192.0.2.254
ipsec whack --trafficstatus | sed -e 's/#[0-9]*/#N/g' -e 's/\(in\|out\)Bytes=[0-9]*/\1Bytes=N/g'
ipsec whack --qcd-status | grep -E 'sir\.queries_sent=|decision\.sir_unanswered=' | sed -e 's/=[1-9][0-9]*$/=N (N > 0)/'
../../guestbin/qcd-status.sh 'sir\.(ack|nack)=' 'decision\.(make_before_break|forgery_caught|acted)='
grep -c -e 'establishing a new IKE SA' -e 'forged state-loss' /tmp/pluto.log
