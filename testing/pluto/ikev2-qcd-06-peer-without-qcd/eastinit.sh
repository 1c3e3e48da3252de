/testing/guestbin/swan-prep --nokeys
ipsec start
../../guestbin/wait-until-pluto-started
ipsec auto --add westnet-eastnet-qcd
ipsec status | grep westnet-eastnet-qcd | grep -c QCD
echo "initdone"
