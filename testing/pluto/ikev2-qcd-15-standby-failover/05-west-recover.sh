# west's next probe reaches nic, which answers with the token
../../guestbin/wait-for-pluto.sh --timeout 60 'lost its IKE SA state'
../../guestbin/wait-for-pluto.sh --timeout 30 '#4: initiator established Child SA'
ipsec whack --trafficstatus
../../guestbin/qcd-status.sh 'verify.ok' 'decision.(acted|forgery_caught)'
