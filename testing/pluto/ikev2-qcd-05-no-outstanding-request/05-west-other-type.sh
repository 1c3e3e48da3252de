# west now has a request outstanding, a CREATE_CHILD_SA with Message ID 2
ipsec whack --rekey-child --name westnet-eastnet-qcd --async
../../guestbin/wait-for-pluto.sh --timeout 10 'sent CREATE_CHILD_SA request'
# east's INFORMATIONAL answer for Message ID 2 answers no request of that type
../../guestbin/qcd-forge.py replay /tmp/informational.reply --to 192.1.2.45
../../guestbin/wait-for.sh --timeout 10 --match 'verify.unsolicited=3' -- ipsec whack --qcd-status
../../guestbin/qcd-status.sh 'verify'
grep -c 'lost its IKE SA state' /tmp/pluto.log
grep 'QCD: ignoring unprotected' /tmp/pluto.log | tail -n 1
