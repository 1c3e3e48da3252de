# the IKE_AUTH request on the wire: captured from before the exchange, read once tcpdump has it (-c 1, then it exits)
: > /tmp/auth.err; (tcpdump --immediate-mode -i eth1 -n -vv -c 1 udp port 500 and 'udp[26:1] = 35' > /tmp/auth.txt 2> /tmp/auth.err &)
../../guestbin/wait-for.sh --match 'listening on' -- cat /tmp/auth.err
ipsec auto --up westnet-eastnet-qcd
../../guestbin/ping-once.sh --up -I 192.0.1.254 192.0.2.254
../../guestbin/wait-for.sh --no-match . -- pidof tcpdump
spis=$(grep -o -E 'cookie [0-9a-f]{16}->[0-9a-f]{16}' /tmp/auth.txt | head -n 1 | sed -e 's/cookie //' -e 's/->/ /')
# the standby's token for west's SA
../../guestbin/qcd-forge.py elicit --to 192.1.2.254 --spis $spis /tmp/token.reply
