# the standby: east's NSS database, so east's QCD secret
/testing/guestbin/swan-prep --nokeys
cp OUTPUT/cert9.db OUTPUT/key4.db OUTPUT/pkcs11.txt /etc/ipsec.d/
ipsec start
../../guestbin/wait-until-pluto-started
../../guestbin/qcd-status.sh 'secret'
