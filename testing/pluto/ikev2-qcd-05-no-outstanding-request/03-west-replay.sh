# the IKE SPIs of west's SA, from the IKE_AUTH request seen on the wire
spis=$(grep -o -E 'cookie [0-9a-f]{16}->[0-9a-f]{16}' /tmp/auth.txt | head -n 1 | sed -e 's/cookie //' -e 's/->/ /')
python3 qcd-replay.py $spis
# east's answer as the response to the last exchange west had answered
# (IKE_AUTH, Message ID 1), and one for later (INFORMATIONAL, Message ID 2)
../../guestbin/qcd-forge.py elicit --spis $spis --exchange IKE_AUTH --msgid 1 /tmp/auth.reply
../../guestbin/qcd-forge.py replay /tmp/auth.reply --to 192.1.2.45
../../guestbin/qcd-forge.py elicit --spis $spis --exchange INFORMATIONAL --msgid 2 /tmp/informational.reply
../../guestbin/wait-for.sh --timeout 10 --match 'verify.unsolicited=2' -- ipsec whack --qcd-status
../../guestbin/qcd-status.sh 'verify'
# west's IKE SA is untouched
ipsec whack --trafficstatus
grep -c 'lost its IKE SA state' /tmp/pluto.log
grep 'QCD: ignoring unprotected' /tmp/pluto.log
