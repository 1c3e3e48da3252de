ipsec auto --up road-east-qcd
../../guestbin/ping-once.sh --up -I 192.1.3.209 192.0.2.254
# traffic from now on: five pings a second, ESP in UDP through the NAT
(ping -n -i 0.2 -I 192.1.3.209 192.0.2.254 > /tmp/ping.log 2>&1 &)
