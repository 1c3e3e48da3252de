spis=$(grep -o -E 'cookie [0-9a-f]{16}->[0-9a-f]{16}' /tmp/auth.txt | head -n 1 | sed -e 's/cookie //' -e 's/->/ /')
# 1. elicit a token for west's SA from the standby
../../guestbin/qcd-forge.py elicit --to 192.1.2.254 --spis $spis /tmp/token.reply
../../guestbin/qcd-forge.py probe --to 192.1.3.254 --spis $spis --wait 1
# 2. answer west's next liveness probe with it, before east does: from
# the attacker's own address west ignores it (not the peer's address) ...
../../guestbin/qcd-forge.py sniff-replay /tmp/token.reply --to 192.1.2.23 --wait 30
../../guestbin/qcd-status.sh 'verify.(ok|not_peer)'
# ... so it answers the next probe as if from east
../../guestbin/qcd-forge.py sniff-replay /tmp/token.reply --to 192.1.2.23 --wait 30 --spoof
../../guestbin/wait-for-pluto.sh --timeout 30 'forged state-loss evidence caught'
