# an attacker on another address elicits east's token for west's SA
ip addr add 192.1.2.66/24 dev eth1
../../guestbin/qcd-forge.py elicit --from 192.1.2.66 --to 192.1.2.23 --spis $spis /tmp/token.reply
# and answers west's next liveness probe with it, as if from east
../../guestbin/qcd-forge.py sniff-replay /tmp/token.reply --to 192.1.2.23 --wait 30 --spoof
timeout 30 sh -c 'until ipsec whack --qcd-status | grep -q "verify.failed=1"; do sleep 0.2; done'
# bound to 192.1.2.66, the token does not verify at west: nothing acted
../../guestbin/qcd-status.sh 'verify.(ok|failed)' 'decision.(window|acted)'
