../../guestbin/qcd-status.sh 'sir\.(queries_received|acks_sent|nacks_sent)='
