# road runs strongSwan (Debian's starter and charon), not pluto
cp road.ipsec.conf /etc/ipsec.conf
cp road.ipsec.secrets /etc/ipsec.secrets
cp road.strongswan.conf /etc/strongswan.conf
mkdir -p /etc/ipsec.d/certs /etc/ipsec.d/private /etc/ipsec.d/cacerts
cp /testing/x509/real/mainca/road.end.cert /etc/ipsec.d/certs/road.crt
cp /testing/x509/real/mainca/road.end.key /etc/ipsec.d/private/road.key
cp /testing/x509/real/mainca/root.cert /etc/ipsec.d/cacerts/mainca.crt
/usr/sbin/ipsec start > /dev/null 2>&1
../../guestbin/wait-for.sh --match rw-eap -- /usr/sbin/ipsec statusall
echo "initdone"
