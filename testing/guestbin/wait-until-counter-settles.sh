#!/bin/sh
# usage: wait-until-counter-settles.sh [--timeout SECONDS] COUNTER
#
# Wait until the line of "ipsec whack --qcd-status" that matches
# COUNTER (a grep pattern, e.g. hint.received) stays the same for one
# second: pluto has read a flood of unauthenticated messages (how many
# reached it depends on what its socket queue dropped, so no count can
# be waited for).  Silent; on timeout one line on stderr, exit 1.
timeout=30
if [ "$1" = --timeout ]; then
	timeout=$2; shift 2
fi
counter=$1
last=
while [ "$timeout" -gt 0 ]; do
	now=$(ipsec whack --qcd-status | grep -- "$counter")
	[ -n "$last" ] && [ "$now" = "$last" ] && exit 0
	last=$now
	sleep 1
	timeout=$((timeout - 1))
done
echo "timeout waiting for $counter to settle (last: $last)" >&2
exit 1
