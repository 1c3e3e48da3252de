../../guestbin/wait-for-pluto.sh --timeout 30 'forged state-loss evidence caught'
../../guestbin/qcd-status.sh 'sir\.(queries_sent|ack|nack|bad_cookie|unsolicited)=' 'decision\.(sir_window|forgery_caught|make_before_break|acted)=' 'hint\.probed='
# nothing replaced, nothing deleted
grep -c -e 'establishing a new IKE SA' -e 'without notification' /tmp/pluto.log
ipsec whack --trafficstatus
../../guestbin/ping-once.sh --up 198.51.100.23
