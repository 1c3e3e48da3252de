/testing/guestbin/swan-prep --nokeys
# two addresses on north: 192.1.3.33 now, 192.1.8.22 (nic's other
# network, gateway 192.1.8.254) once the first is gone
../../guestbin/ip.sh address show dev eth1 | grep 192.1.8.22 && ../../guestbin/ip.sh address del 192.1.8.22/24 dev eth1
../../guestbin/ip.sh route show scope global | grep "192.1.8.254" && ip route del default via 192.1.8.254
../../guestbin/ip.sh address show dev eth1 | grep 192.1.3.33 || ../../guestbin/ip.sh address add 192.1.3.33/24 dev eth1
../../guestbin/ip.sh address add 192.1.8.22/24 dev eth1
../../guestbin/ip.sh route | grep default || ip route add default via 192.1.3.254
ipsec start
../../guestbin/wait-until-pluto-started
ipsec auto --add northnet-eastnet
echo "initdone"
