# four answers (the protected requests for unknown SPIs, one of them
# bounced), one too short to answer; three refusals for the live SA
ipsec whack --qcd-status | grep -E 'replies\.(sent|live_sa|too_short)'
grep -c 'no token for a live IKE SA' /tmp/pluto.log
ipsec whack --trafficstatus
# the answer that bounced came back through the error queue; its dump
# shows the token octets as zeros
grep -c 'rejected packet:' /tmp/pluto.log
grep -A1 'rejected packet:' /tmp/pluto.log | grep -c 'token octets shown as zeros'
