../../guestbin/qcd-status.sh 'replies.sent'
