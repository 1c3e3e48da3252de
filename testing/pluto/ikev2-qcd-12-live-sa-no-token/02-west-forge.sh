# the IKE SPIs of west's SA, from the IKE_AUTH request seen on the wire
spis=$(grep -o -E 'cookie [0-9a-f]{16}->[0-9a-f]{16}' /tmp/auth.txt | head -n 1 | sed -e 's/cookie //' -e 's/->/ /')
# the live SA's SPIs, I flag flipped: no token for a live IKE SA
../../guestbin/qcd-forge.py probe --spis $spis --flags - --exchange INFORMATIONAL --wait 1
../../guestbin/qcd-forge.py probe --spis $spis --flags - --exchange CREATE_CHILD_SA --wait 1
../../guestbin/qcd-forge.py probe --spis $spis --flags - --exchange IKE_AUTH --wait 1
# unknown SPIs: only a protected request is answered
../../guestbin/qcd-forge.py probe --exchange INFORMATIONAL
../../guestbin/qcd-forge.py probe --exchange INFORMATIONAL --flags R --wait 1
../../guestbin/qcd-forge.py probe --exchange IKE_SA_INIT --wait 1
../../guestbin/qcd-forge.py probe --exchange IKE_SESSION_RESUME --wait 1
../../guestbin/qcd-forge.py probe --exchange INFORMATIONAL --payload N --wait 1
# an answer that bounces (its socket closed at once): east's dump of
# the bounced packet masks its token (east has plutodebug=all); west's
# kernel must not hold back its port-unreachable (rate limited per
# destination, with a random share since Linux 6.x)
sysctl -q -w net.ipv4.icmp_ratelimit=0
../../guestbin/qcd-forge.py probe --exchange INFORMATIONAL --bounce
# no answer longer than the request: a minimal protected request (an
# empty SK payload) gets none; one as long as a single-token answer
# gets that token; one padded as a taker pads gets them all
../../guestbin/qcd-forge.py probe --exchange INFORMATIONAL --size 32 --wait 1
../../guestbin/qcd-forge.py probe --exchange INFORMATIONAL --size 76 --wait 1
../../guestbin/qcd-forge.py probe --exchange INFORMATIONAL --size 196 --wait 1
