# the service address is routed to east through nic: an attacker
# here sees what west sends to east
sysctl -q -w net.ipv4.conf.all.rp_filter=0 net.ipv4.conf.eth1.rp_filter=0
ip route add 198.51.100.23/32 via 192.1.2.23 dev eth1
echo "initdone"
