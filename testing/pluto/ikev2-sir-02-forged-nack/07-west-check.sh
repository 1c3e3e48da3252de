# the tunnel survived both
../../guestbin/ping-once.sh --up 198.51.100.23
ipsec whack --trafficstatus
