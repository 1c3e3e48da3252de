/testing/guestbin/swan-prep --nokeys
ipsec qcdsecret --check 2>/dev/null || echo "no QCD secret"
ipsec pluto --config /etc/ipsec.conf --leak-detective
../../guestbin/wait-until-pluto-started
ipsec auto --add westnet-eastnet-qcd
grep 'QCD:' /tmp/pluto.log | grep -v '^|'
echo "initdone"
