# an attacker on the path who also holds up east's answers (as a
# flood filling west's socket queue can, or a lossy path): none of
# east's IKE messages reach west while nic sends a hint a second
iptables -I OUTPUT -o eth1 -d 192.1.2.45 -p udp --sport 500 -j DROP
