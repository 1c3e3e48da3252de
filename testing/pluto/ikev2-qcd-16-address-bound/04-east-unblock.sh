iptables -D OUTPUT -d 192.1.2.45 -p udp --dport 500 -j DROP
