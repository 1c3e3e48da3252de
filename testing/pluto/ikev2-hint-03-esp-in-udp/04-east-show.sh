# the hint on the wire: to the NAT's port 4500, non-ESP marker, INVALID_SPI
../../guestbin/tcpdump.sh --stop -i eth1 -- -w /tmp/hint.pcap -c 1 src host 192.1.2.23 and dst host 192.1.2.254 and udp port 4500
tcpdump -r /tmp/hint.pcap -n 2>/dev/null | grep -o -E '192\.1\.2\.23\.[0-9]+ > 192\.1\.2\.254\.[0-9]+: NONESP-encap'
tcpdump -r /tmp/hint.pcap -n -vvv 2>/dev/null | grep -o -E '(inf2)\[[IRV]*\]|type=[^ )]*' | sort | uniq -c
../../guestbin/dissect-check.sh /tmp/hint.pcap
../../guestbin/qcd-status.sh --nonzero 'hint\.notify\.(sent|send_failed)'
