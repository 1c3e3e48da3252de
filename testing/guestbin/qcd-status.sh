#!/bin/sh
# Show "ipsec whack --qcd-status" with what changes from run to run
# masked, for expected console output: token fingerprints and ages,
# and the counters whose value depends on how many times the survivor
# retransmitted its request before the decision window closed
# (replies.sent, verify.ok, decision.pending: shown as N when not 0).
#
# usage: qcd-status.sh [--nonzero] [PATTERN...]
# PATTERNs are grep -E patterns; lines matching none are dropped.
# --nonzero: the counters shown are counts of a flood or of
# retransmits, whose number changes from run to run: each is shown
# as "N (N > 0)" when it is not 0.
nonzero='s/^\(total\.[a-z0-9_.]*\)=[1-9][0-9]*$/\1=N (N > 0)/'
if [ "${1:-}" = --nonzero ]; then
	shift
else
	nonzero=
fi
ipsec whack --qcd-status |
	sed -e 's/fingerprint=[0-9a-f]\{8\}/fingerprint=XXXXXXXX/g' \
	    -e 's/age=[0-9.]*s/age=Ns/' \
	    -e 's/^\(total\.qcd\.\(replies\.sent\|verify\.ok\|decision\.pending\)\)=[1-9][0-9]*$/\1=N/' \
	    -e "$nonzero" |
	if [ $# -gt 0 ]; then
		pattern=$1; shift
		for p in "$@"; do pattern="$pattern|$p"; done
		grep -E "$pattern"
	else
		cat
	fi
