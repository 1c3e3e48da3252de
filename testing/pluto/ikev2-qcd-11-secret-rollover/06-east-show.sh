# the unprotected reply: INVALID_IKE_SPI and three QCD tokens (.1, .2, .3)
../../guestbin/tcpdump.sh --stop -i eth1 -- -w /tmp/qcd.pcap -c 1 src host 192.1.2.23 and udp port 500
tcpdump -r /tmp/qcd.pcap -n -vvv 2>/dev/null | grep -o -E '(ikev2_[a-z_]*|inf2|child_sa|parent_sa|ikev2_auth)\[[IRV]*\]|prot_id=[^ )]*|type=[^ )]*' | sort | uniq -c
../../guestbin/dissect-check.sh /tmp/qcd.pcap
ipsec qcdsecret --status 2>/dev/null
../../guestbin/qcd-status.sh 'secret'
