../../guestbin/qcd-status.sh --nonzero 'hint\.notify\.(sent|send_failed)'
ipsec whack --trafficstatus
