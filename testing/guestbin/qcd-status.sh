#!/bin/sh
# Show "ipsec whack --qcd-status" with what changes from run to run
# (token fingerprints, ages) masked, for expected console output.
# Extra arguments are grep -E patterns; lines matching none are dropped.
ipsec whack --qcd-status |
	sed -e 's/fingerprint=[0-9a-f]\{8\}/fingerprint=XXXXXXXX/' \
	    -e 's/age=[0-9.]*s/age=Ns/' |
	if [ $# -gt 0 ]; then
		pattern=$1; shift
		for p in "$@"; do pattern="$pattern|$p"; done
		grep -E "$pattern"
	else
		cat
	fi
