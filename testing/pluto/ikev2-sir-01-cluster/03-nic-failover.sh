# what crosses the load balancer from now on, unprotected messages decoded later
../../guestbin/tcpdump.sh --start -i eth1
# the load balancer's health check moves the service to north
ip route replace 198.51.100.23/32 via 192.1.3.33 dev eth2
date +%s.%N > OUTPUT/failover
