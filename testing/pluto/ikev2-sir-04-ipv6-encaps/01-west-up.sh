ipsec auto --up westnet-eastnet
../../guestbin/ping-once.sh --up -I 2001:db8:0:1::254 2001:db8:0:2::254
# traffic from now on: five pings a second
(ping -n -i 0.2 -I 2001:db8:0:1::254 2001:db8:0:2::254 > /tmp/ping.log 2>&1 &)
