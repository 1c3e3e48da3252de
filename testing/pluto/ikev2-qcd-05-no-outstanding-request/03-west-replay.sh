# the IKE SPIs of west's SA, from the IKE_AUTH request seen on the wire
spis=$(grep -o -E 'cookie [0-9a-f]{16}->[0-9a-f]{16}' /tmp/auth.txt | head -n 1 | sed -e 's/cookie //' -e 's/->/ /')
python3 qcd-replay.py $spis
sleep 2
../../guestbin/qcd-status.sh 'verify'
# west's IKE SA is untouched
ipsec whack --trafficstatus
grep -c 'lost its IKE SA state' /tmp/pluto.log
grep 'QCD: ignoring unprotected' /tmp/pluto.log | sed -e 's/^| //' -e 's/Message ID [0-9]*/Message ID N/'
