/testing/guestbin/swan-prep --nokeys
ip addr add 198.51.100.23/32 dev eth1
ipsec start
../../guestbin/wait-until-pluto-started
ipsec auto --add service
echo "initdone"
