iptables -D OUTPUT -o eth1 -d 192.1.2.45 -p udp --sport 500 -j DROP
