ipsec whack --trafficstatus
../../guestbin/qcd-status.sh --nonzero 'replies.sent'
