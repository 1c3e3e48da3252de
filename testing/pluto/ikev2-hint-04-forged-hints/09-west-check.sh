../../guestbin/wait-for.sh --timeout 60 --no-match 'RETRANSMIT in' -- ipsec whack --showstates
# the same IKE SA and Child SA, and traffic flows
ipsec whack --trafficstatus
../../guestbin/ping-once.sh --up -I 192.0.1.254 192.0.2.254
