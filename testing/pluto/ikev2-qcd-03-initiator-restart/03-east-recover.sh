# east's next probe gets west's token back; east starts over at once
../../guestbin/wait-for-pluto.sh --timeout 100 'lost its IKE SA state'
../../guestbin/wait-for-pluto.sh --timeout 30 '#4: initiator established Child SA'
../../guestbin/ping-once.sh --up -I 192.0.2.254 192.0.1.254
ipsec whack --trafficstatus
../../guestbin/qcd-status.sh 'verify'
