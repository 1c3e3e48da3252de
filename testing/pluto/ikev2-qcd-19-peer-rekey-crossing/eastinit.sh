/testing/guestbin/swan-prep --nokeys
ipsec start
../../guestbin/wait-until-pluto-started
# a copy of east's NSS database (its QCD secret) for the standby
cp /etc/ipsec.d/cert9.db /etc/ipsec.d/key4.db /etc/ipsec.d/pkcs11.txt OUTPUT/
echo "initdone"
