# an attacker on another address elicits east's token for west's SA
ip addr add 192.1.2.66/24 dev eth1
../../guestbin/qcd-forge.py elicit --from 192.1.2.66 --to 192.1.2.23 --spis $spis /tmp/token.reply
# and answers west's next liveness probe with it, as if from east
# then junk for the same request: none of it could be east's answer
# (no token; or not from east's address), so none of it counts against
# the three answers west examines per request
../../guestbin/qcd-forge.py sniff-replay /tmp/token.reply --to 192.1.2.23 --wait 30 --spoof --junk 5
../../guestbin/wait-for.sh --match 'verify.not_peer=5' -- ipsec whack --qcd-status
# bound to 192.1.2.66, the token does not verify at west: nothing acted
../../guestbin/qcd-status.sh 'verify.(ok|failed|malformed|not_peer)' 'decision.(window|acted|over_cap)'
