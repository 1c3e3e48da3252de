# what crosses the load balancer from now on, unprotected messages decoded later
(tcpdump --immediate-mode -i eth1 -n -s 0 -w /tmp/sir.pcap 'udp and (port 500 or port 4500)' > /dev/null 2> /tmp/tcpdump.err &)
# not before it captures (it says so on stderr): the hint comes at once
timeout 30 sh -c 'until grep -q "listening on" /tmp/tcpdump.err; do sleep 0.1; done'
# the load balancer's health check moves the service to north
ip route replace 198.51.100.23/32 via 192.1.3.33 dev eth2
date +%s.%N > OUTPUT/failover
