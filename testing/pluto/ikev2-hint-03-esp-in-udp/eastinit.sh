/testing/guestbin/swan-prep --nokeys
ipsec start
../../guestbin/wait-until-pluto-started
grep 'invalid-spi-notify' /tmp/pluto.log
echo "initdone"
