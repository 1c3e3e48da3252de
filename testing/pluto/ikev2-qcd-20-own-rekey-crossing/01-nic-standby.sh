# the standby: its own configuration, east's NSS database (so east's
# QCD secret); swan-prep is for hosts with an eth0, nic has none
cp nic.conf /etc/ipsec.conf
cp nic.secrets /etc/ipsec.secrets
cp OUTPUT/cert9.db OUTPUT/key4.db OUTPUT/pkcs11.txt /etc/ipsec.d/
# (the copy holds the secret: no test output keeps it)
rm OUTPUT/cert9.db OUTPUT/key4.db OUTPUT/pkcs11.txt
ipsec start
../../guestbin/wait-until-pluto-started
../../guestbin/qcd-status.sh 'secret'
