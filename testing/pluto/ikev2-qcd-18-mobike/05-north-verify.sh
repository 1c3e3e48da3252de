# north's next probe, from its new address, gets east's token bound to
# that address: it verifies against the replacement token north keeps
../../guestbin/wait-for-pluto.sh --timeout 30 'lost its IKE SA state'
../../guestbin/qcd-status.sh 'verify.(ok|failed)' 'decision.acted'
