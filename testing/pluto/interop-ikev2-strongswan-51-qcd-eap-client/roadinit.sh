# road runs strongSwan, not pluto, started as upstream's interop tests
# start it (its EAP-TLS client, as upstream's
# interop-ikev2-eaptls-strongswan-client)
/testing/guestbin/swan-prep --userland strongswan --strongswan-version U5.9.
cp /testing/x509/real/mainca/`hostname`.end.cert /etc/strongswan/ipsec.d/certs/`hostname`.crt
cp /testing/x509/real/mainca/`hostname`.end.key /etc/strongswan/ipsec.d/private/`hostname`.key
cp /testing/x509/real/mainca/root.cert /etc/strongswan/ipsec.d/cacerts/mainca.crt
../../guestbin/strongswan-start.sh
echo "initdone"
