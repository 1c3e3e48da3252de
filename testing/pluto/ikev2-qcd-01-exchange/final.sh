../../guestbin/qcd-status.sh '^#' 'tokens' 'secret'
# the QCD notify as pluto emitted and parsed it: type 16419, Protocol ID 1, no SPI
grep -B2 'Notify Message Type: v2N_QUICK_CRASH_DETECTION' /tmp/pluto.log | grep -E 'Protocol ID|SPI size|Notify Message Type' | sort | uniq -c
# each side stores the token the other sent (their fingerprints match)
ipsec whack --qcd-status | sed -n -e 's/.*sent-token=yes, fingerprint=\([0-9a-f]*\).*/\1/p' > OUTPUT/$(hostname).sent
ipsec whack --qcd-status | sed -n -e 's/.*peer-token=yes, fingerprint=\([0-9a-f]*\).*/\1/p' > OUTPUT/$(hostname).stored
for pair in "east west" "west east"; do set -- $pair; if [ -s OUTPUT/$1.sent ] && [ -s OUTPUT/$2.stored ]; then cmp -s OUTPUT/$1.sent OUTPUT/$2.stored && echo "$2 stores the token $1 sent" || echo "$2 stores a token $1 did not send"; fi; done
