timeout 30 sh -c 'until ipsec whack --qcd-status | grep -q "tokens.stored=2"; do sleep 1; done'
../../guestbin/qcd-status.sh '^#' 'tokens.stored'
