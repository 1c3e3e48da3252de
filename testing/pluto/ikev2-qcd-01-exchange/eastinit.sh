/testing/guestbin/swan-prep --nokeys
ipsec start
../../guestbin/wait-until-pluto-started
ipsec qcdsecret --status 2>/dev/null
ipsec auto --add westnet-eastnet-qcd
echo "initdone"
