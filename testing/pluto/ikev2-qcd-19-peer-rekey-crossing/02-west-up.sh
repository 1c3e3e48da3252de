# the IKE_AUTH request on the wire, for its SPIs: captured around the exchange
../../guestbin/tcpdump.sh --start -i eth1
ipsec auto --up westnet-eastnet-qcd
../../guestbin/ping-once.sh --up -I 192.0.1.254 192.0.2.254
../../guestbin/tcpdump.sh --stop -i eth1 -- -vv -c 1 udp port 500 and 'udp[26:1] = 35' > /tmp/auth.txt
spis=$(grep -o -E 'cookie [0-9a-f]{16}->[0-9a-f]{16}' /tmp/auth.txt | head -n 1 | sed -e 's/cookie //' -e 's/->/ /')
# the standby's token for west's SA
../../guestbin/qcd-forge.py elicit --to 192.1.2.254 --spis $spis /tmp/token.reply
