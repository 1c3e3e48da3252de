/testing/guestbin/swan-prep --46 --nokeys
ipsec start
../../guestbin/wait-until-pluto-started
echo "initdone"
