# the hint makes west probe and ask; east answers NACK: make-before-break
../../guestbin/wait-for-pluto.sh --timeout 60 'establishing a new IKE SA before deleting this one'
../../guestbin/wait-for-pluto.sh --timeout 30 '#4: initiator established Child SA'
../../guestbin/wait-for-pluto.sh --timeout 30 'is established; deleting this IKE SA'
../../guestbin/ping-once.sh --up -I 2001:db8:0:1::254 2001:db8:0:2::254
ipsec whack --trafficstatus
../../guestbin/qcd-status.sh 'sir\.(queries_sent|ack|nack|bad_cookie)=' 'decision\.(make_before_break|acted|forgery_caught)=' 'hint\.probed='
# the query went over IPv6 on UDP 4500: 52 octets and the non-ESP marker
grep -o 'sending [0-9]* bytes for SIR CHECK_SPI query through .* using UDP' /tmp/pluto.log
