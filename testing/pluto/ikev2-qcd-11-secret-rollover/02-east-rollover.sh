# three rollovers: west's token is made by what is now generation .3,
# still loaded and still in every reply, so nobody is sent a new one
# (RFC 6290 4.4: not while the earlier tokens can still be produced)
ipsec qcdsecret --rollover 2>/dev/null
ipsec rereadsecrets
ipsec qcdsecret --rollover 2>/dev/null
ipsec rereadsecrets
ipsec qcdsecret --rollover 2>/dev/null
ipsec rereadsecrets
ipsec qcdsecret --status 2>/dev/null
# a fourth: the generation that made west's token is dropped, so west
# gets a new token in an INFORMATIONAL
ipsec qcdsecret --rollover 2>/dev/null
ipsec rereadsecrets
../../guestbin/qcd-status.sh 'secret'
