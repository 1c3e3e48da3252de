# the limits in force: qcd-reply-rate=2000000 was refused (logged at
# startup, before the log file opens, so to the journal) and the
# default 1000/s stays
../../guestbin/qcd-status.sh 'rate limits'
# every request was either answered or counted as rate limited
ipsec whack --qcd-status | awk -F= '/replies.sent/ {s=$2} /replies.rate_limited/ {r=$2} END {print "answered " (s > 0 ? "N" : "0") ", rate limited " (r > 0 ? "M" : "0") ", N+M=" s + r}'
