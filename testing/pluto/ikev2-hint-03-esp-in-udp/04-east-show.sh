# the hint on the wire: to the NAT's port 4500, non-ESP marker, INVALID_SPI
timeout 30 sh -c 'while pidof tcpdump > /dev/null; do sleep 0.5; done'
tcpdump -r /tmp/hint.pcap -n 2>/dev/null | grep -o -E '192\.1\.2\.23\.[0-9]+ > 192\.1\.2\.254\.[0-9]+: NONESP-encap'
tcpdump -r /tmp/hint.pcap -n -vvv 2>/dev/null | grep -o -E '(inf2)\[[IRV]*\]|type=[^ )]*' | sort | uniq -c
../../guestbin/dissect-check.sh /tmp/hint.pcap
../../guestbin/qcd-status.sh --nonzero 'hint\.notify\.(sent|send_failed)'
