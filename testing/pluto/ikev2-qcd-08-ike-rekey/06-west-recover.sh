# west's next probe on the thrice rekeyed IKE SA gets east's token back:
# the one from the CREATE_CHILD_SA response
../../guestbin/wait-for-pluto.sh --timeout 100 'lost its IKE SA state'
../../guestbin/wait-for-pluto.sh --timeout 30 '#7: initiator established Child SA'
../../guestbin/ping-once.sh --up -I 192.0.1.254 192.0.2.254
ipsec whack --trafficstatus
../../guestbin/qcd-status.sh 'verify.ok' 'verify.failed'
