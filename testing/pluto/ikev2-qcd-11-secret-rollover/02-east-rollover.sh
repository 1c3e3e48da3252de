# a new secret; the old one becomes generation .1
ipsec qcdsecret --rollover 2>/dev/null
ipsec qcdsecret --status 2>/dev/null
# pluto loads it and sends west the new token in an INFORMATIONAL
ipsec rereadsecrets
../../guestbin/qcd-status.sh 'secret'
