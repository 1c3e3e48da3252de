# one answer (the protected request for unknown SPIs); three refusals
ipsec whack --qcd-status | grep -E 'replies\.(sent|live_sa)'
grep -c 'no token for a live IKE SA' /tmp/pluto.log
ipsec whack --trafficstatus
