../../guestbin/qcd-status.sh 'replies.sent'
grep -q 'token octets shown as zeros' /tmp/pluto.log && echo masked
