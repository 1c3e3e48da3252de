# east rekeys the IKE SA that west is replacing; then the path heals
# and west's replacement reaches east
ipsec whack --rekey-ike --name westnet-eastnet-qcd --asynchronous
../../guestbin/wait-for-pluto.sh --timeout 30 'initiator rekeyed IKE SA #1'
# the original goes, with a Delete, as after any rekey
../../guestbin/wait-for-pluto.sh --timeout 30 '#1: deleting IKE SA'
iptables -F INPUT
iptables -F OUTPUT
../../guestbin/wait-for-pluto.sh --timeout 30 'responder established Child SA using #3'
../../guestbin/wait-for-pluto.sh --timeout 30 'deleting lingering IKE SA'
ipsec showstates
../../guestbin/ping-once.sh --up -I 192.0.2.254 192.0.1.254
