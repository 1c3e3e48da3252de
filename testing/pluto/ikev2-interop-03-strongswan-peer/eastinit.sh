# east runs strongSwan (Debian's charon and swanctl), not pluto
cp strongswan.conf /etc/strongswan.conf
cp swanctl.conf /etc/swanctl/swanctl.conf
(/usr/lib/ipsec/charon > /dev/null 2>&1 &)
timeout 30 sh -c 'until swanctl --stats > /dev/null 2>&1; do sleep 0.5; done'
swanctl --load-all --noprompt 2> /dev/null
echo "initdone"
