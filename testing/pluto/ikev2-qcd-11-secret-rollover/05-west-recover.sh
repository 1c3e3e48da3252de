# the token west holds is east's generation .1 token; the reply
# carries one token per loaded generation (.1 to .3), so it verifies
../../guestbin/qcd-status.sh 'tokens.stored'
../../guestbin/wait-for-pluto.sh --timeout 100 'lost its IKE SA state'
../../guestbin/wait-for-pluto.sh --timeout 30 '#4: initiator established Child SA'
../../guestbin/ping-once.sh --up -I 192.0.1.254 192.0.2.254
../../guestbin/qcd-status.sh 'verify.ok' 'verify.failed'
