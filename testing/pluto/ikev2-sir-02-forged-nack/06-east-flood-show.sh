# answered: none from nic's own address; from the peer's, at most 10 a
# second over the flood (burst 20)
../../guestbin/wait-until-counter-settles.sh sir.queries_received
../../guestbin/qcd-status.sh --nonzero 'sir\.queries_(not_enabled|rate_limited)='
ipsec whack --qcd-status | sed -n -e 's/^total.sir.nacks_sent=//p' | awk -v s="$(sed -n -e 's/^([0-9]* in \([0-9.]*\)s:.*/\1/p' OUTPUT/flood-rate)" '{ print ($1 >= 20 && s != "" && $1 <= 20 + 10 * (s + 5) ? "NACKs to the flood: the burst of 20, then at most 10/s" : "NACKs to the flood: " $1 " in " s " s") }'
ipsec whack --trafficstatus
