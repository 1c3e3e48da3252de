# the probe's answer gets through, then west's rekey completes; then
# the replacement's IKE_AUTH response
iptables -D OUTPUT -p udp -d 192.1.2.45 --dport 500 -m u32 --u32 '0>>22&0x3C@24&0xFF20=0x2520' -j DROP
../../guestbin/wait-for-pluto.sh --timeout 30 'responder rekeyed IKE SA #1'
iptables -F OUTPUT
../../guestbin/wait-for-pluto.sh --timeout 30 'deleting lingering IKE SA'
# and the rekeyed original goes once west's Delete for it comes (west
# sends it when the old IKE SA expires, right after its rekey)
../../guestbin/wait-for-pluto.sh --timeout 30 '#1: deleting IKE SA'
ipsec showstates
../../guestbin/ping-once.sh --up -I 192.0.2.254 192.0.1.254
