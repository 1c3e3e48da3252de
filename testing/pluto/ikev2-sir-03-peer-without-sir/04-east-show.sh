ipsec whack --qcd-status | grep -E 'sir\.queries_not_enabled=' | sed -e 's/=[1-9][0-9]*$/=N (N > 0)/'
../../guestbin/qcd-status.sh 'sir\.(acks_sent|nacks_sent)='
