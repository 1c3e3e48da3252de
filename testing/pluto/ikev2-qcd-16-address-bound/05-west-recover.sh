# east's own answer, bound to west's address, verifies: recovery
../../guestbin/wait-for-pluto.sh --timeout 100 'lost its IKE SA state'
../../guestbin/wait-for-pluto.sh --timeout 30 '#4: initiator established Child SA'
../../guestbin/ping-once.sh --up -I 192.0.1.254 192.0.2.254
../../guestbin/qcd-status.sh 'verify.(ok|failed)' 'decision.acted'
# with plutodebug=all, the packet dumps show the tokens as zeros
grep -q 'token octets shown as zeros' /tmp/pluto.log && echo masked
# (the attacker's token, a line of its octets as a dump would show it, is nowhere in the log)
python3 -c 'import sys; t = open("/tmp/token.reply", "rb").read()[-28:-12]; print("  ".join(" ".join("%02x" % b for b in t[i:i + 4]) for i in range(0, 16, 4)))' > /tmp/token.line
grep -c -F -f /tmp/token.line /tmp/pluto.log
