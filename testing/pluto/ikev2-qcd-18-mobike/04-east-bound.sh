# the replacement token (RFC 6290 5.2), bound to north's new address
../../guestbin/qcd-status.sh '^#'
../../guestbin/qcd-status.sh 'tokens.(sent|replaced)'
# east loses all state and restarts
ipsec whack --impair send_no_delete
ipsec stop
ipsec start
../../guestbin/wait-until-pluto-started
ipsec auto --add eastnet-northnet
