/testing/guestbin/swan-prep --nokeys
../../guestbin/wait-until-alive -I 192.0.1.254 192.0.2.254
ipsec start
../../guestbin/wait-until-pluto-started
ipsec qcdsecret --status 2>/dev/null
ipsec auto --add westnet-eastnet-qcd
ipsec status | grep westnet-eastnet-qcd | grep -o "IKEv2+[^;]*QCD[^ ;]*"
echo "initdone"
