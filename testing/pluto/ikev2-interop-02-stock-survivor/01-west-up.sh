ipsec auto --up westnet-eastnet
../../guestbin/ping-once.sh --up -I 192.0.1.254 192.0.2.254
# traffic throughout: what makes east's INVALID_SPI notifications
(ping -n -i 0.5 -I 192.0.1.254 192.0.2.254 > /dev/null 2>&1 &)
