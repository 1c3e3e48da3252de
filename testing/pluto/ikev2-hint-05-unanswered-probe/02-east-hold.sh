# none of east's IKE messages reach west from now on
iptables -I OUTPUT -o eth1 -d 192.1.2.45 -p udp --sport 500 -j DROP
