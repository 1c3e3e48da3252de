# one reply per retransmitted probe (how many depends on timing)
../../guestbin/qcd-status.sh --nonzero 'replies.sent'
