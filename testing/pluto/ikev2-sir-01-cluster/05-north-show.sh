../../guestbin/qcd-status.sh 'sir\.(queries_received|acks_sent|nacks_sent|queries_not_enabled)='
../../guestbin/qcd-status.sh --nonzero 'hint\.notify\.sent='
ipsec whack --trafficstatus
