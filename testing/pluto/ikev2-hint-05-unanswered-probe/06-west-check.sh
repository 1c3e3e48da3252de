# the same SAs carry traffic, and the IKE SA answers its next exchange
../../guestbin/ping-once.sh --up -I 192.0.1.254 192.0.2.254
ipsec whack --trafficstatus
ipsec whack --impair initiate_v2_liveness:1
../../guestbin/wait-for.sh --match '^1$' -- grep -a -c 'received an INFORMATIONAL liveness check response' /tmp/pluto.log
grep -c -e 'deleting IKE SA' -e 'revival' /tmp/pluto.log
