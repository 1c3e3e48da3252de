# west now has a request outstanding, a CREATE_CHILD_SA with Message ID 2
ipsec whack --rekey-child --name westnet-eastnet-qcd --async
timeout 10 sh -c 'until grep -q "sent CREATE_CHILD_SA request" /tmp/pluto.log; do sleep 0.2; done'
# east's INFORMATIONAL answer for Message ID 2 answers no request of that type
../../guestbin/qcd-forge.py replay /tmp/informational.reply --to 192.1.2.45
timeout 10 sh -c 'until ipsec whack --qcd-status | grep -q "verify.unsolicited=3"; do sleep 0.2; done'
../../guestbin/qcd-status.sh 'verify'
grep -c 'lost its IKE SA state' /tmp/pluto.log
grep 'QCD: ignoring unprotected' /tmp/pluto.log | sed -e 's/^| //' | tail -n 1
