# north's INVALID_SPI makes west probe; north's token does not verify;
# west asks with CHECK_SPI, north answers NACK: make-before-break
../../guestbin/wait-for-pluto.sh --timeout 60 'establishing a new IKE SA before deleting this one'
../../guestbin/wait-for-pluto.sh --timeout 30 '#4: initiator established Child SA'
echo $(date +%s.%N) $(cat OUTPUT/failover) | awk '{ printf "back %.1fs after the failover\n", $1 - $2 }' > OUTPUT/west-back
../../guestbin/wait-for-pluto.sh --timeout 30 'is established; deleting this IKE SA'
../../guestbin/ping-once.sh --up 198.51.100.23
ipsec whack --trafficstatus
../../guestbin/qcd-status.sh --nonzero 'verify\.failed='
../../guestbin/qcd-status.sh 'verify\.ok=' 'sir\.(queries_sent|ack|nack|bad_cookie)=' 'decision\.(window|acted|make_before_break|sir_window|forgery_caught)='
