iptables -t nat -F
iptables -F
# NAT road's 192.1.3.0/24 behind 192.1.2.254, keeping its ports (as
# masquerading does when it can); plain ESP dropped
iptables -t nat -A POSTROUTING -s 192.1.3.0/24 -j SNAT --to-source 192.1.2.254
iptables -I FORWARD 1 --proto 50 -j DROP
echo done
