# forged evidence racing a Child SA rekey, then an IKE SA rekey: the
# standby's token answers each CREATE_CHILD_SA request at once, as if
# from east, while east is still doing the DH
ipsec whack --rekey-child --name westnet-eastnet-qcd --asynchronous
../../guestbin/qcd-forge.py sniff-replay /tmp/token.reply --to 192.1.2.23 --wait 30 --spoof --match-exchange CREATE_CHILD_SA
../../guestbin/wait-for-pluto.sh --timeout 60 'initiator rekeyed Child SA'
ipsec whack --rekey-ike --name westnet-eastnet-qcd --asynchronous
../../guestbin/qcd-forge.py sniff-replay /tmp/token.reply --to 192.1.2.23 --wait 30 --spoof --match-exchange CREATE_CHILD_SA
../../guestbin/wait-for-pluto.sh --timeout 60 'initiator rekeyed IKE SA'
# the old Child SA goes once east answers its delete
../../guestbin/wait-for-pluto.sh --timeout 30 '#2: ESP traffic information'
# the token verified both times, but it answered no probe: weighed
# not at all; nothing replaced, nothing deleted, traffic flows
../../guestbin/qcd-status.sh 'decision.(not_probe|window|forgery_caught|acted|make_before_break)'
grep -c -e 'deleting IKE SA without notification' -e 'establishing a new IKE SA' /tmp/pluto.log
../../guestbin/ping-once.sh --up -I 192.0.1.254 192.0.2.254
ipsec whack --trafficstatus
