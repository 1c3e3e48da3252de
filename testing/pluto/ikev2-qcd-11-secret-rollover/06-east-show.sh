# the unprotected reply: INVALID_IKE_SPI and three QCD tokens (.1, .2, .3)
timeout 30 sh -c 'while pidof tcpdump > /dev/null; do sleep 0.5; done'
tcpdump -r /tmp/qcd.pcap -n -vvv 2>/dev/null | grep -o -E '(ikev2_[a-z_]*|inf2|child_sa|parent_sa|ikev2_auth)\[[IRV]*\]|prot_id=[^ )]*|type=[^ )]*' | sort | uniq -c
../../guestbin/dissect-check.sh /tmp/qcd.pcap
ipsec qcdsecret --status 2>/dev/null
../../guestbin/qcd-status.sh 'secret'
