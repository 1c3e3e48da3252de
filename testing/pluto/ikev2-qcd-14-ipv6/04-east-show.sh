# the unprotected reply as it went on the wire: IPv6, exchange[flags], notifies
../../guestbin/tcpdump.sh --stop -i eth1 -- -w /tmp/qcd.pcap -c 1 src host 2001:db8:1:2::23 and udp port 500
tcpdump -r /tmp/qcd.pcap -n -vvv 2>/dev/null | grep -o -E 'IP6|(ikev2_[a-z_]*|inf2|child_sa|parent_sa|ikev2_auth)\[[IRV]*\]|prot_id=[^ )]*|type=[^ )]*' | sort | uniq -c
../../guestbin/dissect-check.sh /tmp/qcd.pcap
ipsec whack --trafficstatus
../../guestbin/qcd-status.sh 'replies'
