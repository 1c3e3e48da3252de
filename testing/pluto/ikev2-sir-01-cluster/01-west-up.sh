ipsec auto --up cluster
../../guestbin/ping-once.sh --up 198.51.100.23
# traffic from now on: five pings a second
(ping -n -i 0.2 198.51.100.23 > /tmp/ping.log 2>&1 &)
