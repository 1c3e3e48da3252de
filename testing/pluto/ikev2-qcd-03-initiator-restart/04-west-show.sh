# the unprotected reply as it went on the wire: exchange[flags], notifies
timeout 30 sh -c 'while pidof tcpdump > /dev/null; do sleep 0.5; done'
tcpdump -r /tmp/qcd.pcap -n -vvv 2>/dev/null | grep -o -E '(ikev2_[a-z_]*|inf2|child_sa|parent_sa|ikev2_auth)\[[IRV]*\]|prot_id=[^ )]*|type=[^ )]*' | sort | uniq -c
../../guestbin/dissect-check.sh /tmp/qcd.pcap
ipsec whack --trafficstatus
../../guestbin/qcd-status.sh 'replies'
