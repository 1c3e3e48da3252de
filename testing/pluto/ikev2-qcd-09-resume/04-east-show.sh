ipsec whack --trafficstatus
../../guestbin/qcd-status.sh 'replies.sent' | sed -e 's/=[1-9][0-9]*$/=N (N > 0)/'
