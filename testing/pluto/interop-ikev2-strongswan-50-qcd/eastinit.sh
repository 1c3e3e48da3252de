# east runs strongSwan, not pluto, started as upstream's interop tests
# start it; its connection is in swanctl.conf, its PSK in east.secrets
# (swanctl's stderr lists the plugins Debian does not package)
/testing/guestbin/swan-prep --userland strongswan --strongswan-version U5.9.
../../guestbin/strongswan-start.sh
swanctl --load-conns 2> /dev/null
echo "initdone"
