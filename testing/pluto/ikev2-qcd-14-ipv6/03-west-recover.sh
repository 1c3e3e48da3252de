# west's next probe gets east's token back over IPv6; west starts over
../../guestbin/wait-for-pluto.sh --timeout 100 'lost its IKE SA state'
../../guestbin/wait-for-pluto.sh --timeout 30 '#4: initiator established Child SA'
../../guestbin/ping-once.sh --up -I 2001:db8:0:1::254 2001:db8:0:2::254
ipsec whack --trafficstatus
../../guestbin/qcd-status.sh 'verify'
