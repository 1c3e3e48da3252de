# from now on east's answers to west are lost
iptables -A OUTPUT -d 192.1.2.45 -p udp --dport 500 -j DROP
