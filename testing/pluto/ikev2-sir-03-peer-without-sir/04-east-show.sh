../../guestbin/qcd-status.sh --nonzero 'sir\.queries_not_enabled='
../../guestbin/qcd-status.sh 'sir\.(acks_sent|nacks_sent)='
