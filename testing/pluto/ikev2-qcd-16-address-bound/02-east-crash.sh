# east's token is bound to west's address
../../guestbin/qcd-status.sh '^#'
ipsec status | grep -o 'QCD+QCD_ADDRESS_BOUND' | sort -u
# lose all state; while the attack runs east's answers to west are lost
ipsec whack --impair send_no_delete
ipsec stop
iptables -A OUTPUT -d 192.1.2.45 -p udp --dport 500 -j DROP
ipsec start
../../guestbin/wait-until-pluto-started
