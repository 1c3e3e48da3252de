/testing/guestbin/swan-prep --nokeys
# east answers 600ms late: the attacker can be first
tc qdisc add dev eth1 root netem delay 600ms
ipsec start
../../guestbin/wait-until-pluto-started
# a copy of east's NSS database (its QCD secret) for the standby
cp /etc/ipsec.d/cert9.db /etc/ipsec.d/key4.db /etc/ipsec.d/pkcs11.txt OUTPUT/
echo "initdone"
