# the unprotected reply went to the NAT's port for road's UDP 4500,
# with a non-ESP marker: INVALID_IKE_SPI and the token
../../guestbin/tcpdump.sh --stop -i eth1 -- -w /tmp/qcd.pcap -c 1 src host 192.1.2.23 and dst host 192.1.2.254 and udp
tcpdump -r /tmp/qcd.pcap -n 2>/dev/null | grep -o -E '192\.1\.2\.23\.[0-9]+ > 192\.1\.2\.254\.[0-9]+: NONESP-encap'
../../guestbin/dissect-check.sh /tmp/qcd.pcap
tcpdump -r /tmp/qcd.pcap -n -vvv 2>/dev/null | grep -o -E '(inf2)\[[IRV]*\]|type=[^ )]*' | sort | uniq -c
ipsec whack --trafficstatus
../../guestbin/qcd-status.sh 'replies.sent'
