# a fifth rollover: west's token is now generation .1, nothing is sent
ipsec qcdsecret --rollover 2>/dev/null
ipsec rereadsecrets
# an interrupted rollover: the current key is gone, the older ones stay;
# pluto makes do with them (west's token is still among them)
symkeyutil -D -n qcd-secret -d sql:/etc/ipsec.d > /dev/null
ipsec qcdsecret --status 2>/dev/null
ipsec rereadsecrets
../../guestbin/qcd-status.sh 'secret'
# capture from now on; the first packet this host sends is the
# unprotected reply
../../guestbin/tcpdump.sh --start -i eth1
# lose the IKE SA without a Delete, pluto keeps running (ipsec start
# would complete the rollover by making a new current key)
ipsec whack --impair send_no_delete
ipsec auto --delete westnet-eastnet-qcd
ipsec auto --add westnet-eastnet-qcd
