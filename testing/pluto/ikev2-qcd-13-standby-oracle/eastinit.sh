/testing/guestbin/swan-prep --nokeys
# east sends IKE 1.5 s late, and nothing else: the attacker, a Python
# sniffer, answers first even on a busy host
tc qdisc add dev eth1 root handle 1: prio
tc qdisc add dev eth1 parent 1:3 handle 30: netem delay 1500ms
tc filter add dev eth1 parent 1: protocol ip u32 match ip sport 500 0xffff flowid 1:3
ipsec start
../../guestbin/wait-until-pluto-started
# a copy of east's NSS database (its QCD secret) for the standby
cp /etc/ipsec.d/cert9.db /etc/ipsec.d/key4.db /etc/ipsec.d/pkcs11.txt OUTPUT/
echo "initdone"
