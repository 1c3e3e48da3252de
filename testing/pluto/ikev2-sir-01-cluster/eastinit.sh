/testing/guestbin/swan-prep --nokeys
# the service address that the load balancer sends to this gateway
ip addr add 198.51.100.23/32 dev eth1
ipsec start
../../guestbin/wait-until-pluto-started
ipsec auto --add cluster
echo "initdone"
