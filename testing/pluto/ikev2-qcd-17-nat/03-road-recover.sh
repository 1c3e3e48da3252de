# road's next probe (UDP 4500, through the NAT) gets east's token back
../../guestbin/wait-for-pluto.sh --timeout 100 'lost its IKE SA state'
../../guestbin/wait-for-pluto.sh --timeout 30 '#4: initiator established Child SA'
../../guestbin/ping-once.sh --up -I 192.1.3.209 192.0.2.254
ipsec whack --trafficstatus
../../guestbin/qcd-status.sh 'verify.(ok|failed)' 'decision.acted'
