# the standby takes the service address over and loads the connection
ip addr add 192.1.2.23/24 dev eth1
arping -q -U -c 1 -I eth1 192.1.2.23
ipsec whack --listen > /dev/null
ipsec auto --add westnet-eastnet-qcd
../../guestbin/qcd-status.sh 'secret'
