../../guestbin/wait-for.sh --timeout 60 --no-match 'RETRANSMIT in' -- ipsec whack --showstates
# the same IKE SA and Child SA, and traffic flows
ipsec whack --trafficstatus | sed -e 's/\(in\|out\)Bytes=[0-9]*/\1Bytes=N/g'
../../guestbin/ping-once.sh --up -I 192.0.1.254 192.0.2.254
