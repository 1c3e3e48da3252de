# the unprotected reply as it went on the wire
wait
tcpdump -r /tmp/qcd.pcap -n -vvv 2>/dev/null | sed -e 's/\[|isakmp\]//' | tr ' ' '\n' | grep -E '^(ikev2_[a-z_]*\[|\(n:|prot_id=|type=|\(v2n)' | sort | uniq -c
ipsec whack --trafficstatus
../../guestbin/qcd-status.sh 'replies'
