../../guestbin/wait-for-pluto.sh --timeout 30 '#1: deleting IKE SA'
# the rekey took the old IKE SA's place; the replacement replaced it
grep -v '^|' /tmp/pluto.log | grep -e 'rekeyed IKE SA #1' -e 'IKE SA #3 is established'
ipsec showstates
../../guestbin/ping-once.sh --up -I 192.0.1.254 192.0.2.254
ipsec whack --trafficstatus
