# wait for the flood to be read (the counters stop moving)
../../guestbin/wait-until-counter-settles.sh hint.received
ipsec whack --qcd-status | grep -E 'hint.(received|rate_limited)' > OUTPUT/flood-counters
../../guestbin/qcd-status.sh 'hint.(no_sa|malformed)'
../../guestbin/qcd-status.sh --nonzero 'hint.(probed|damped)'
# a probe at most once a second: the flood lasted a few seconds
ipsec whack --qcd-status | sed -n -e 's/^total.hint.probed=//p' | awk -v s="$(sed -n -e 's/^([0-9]* in \([0-9.]*\)s:.*/\1/p' OUTPUT/flood-rate)" '{ print ($1 >= 1 && s != "" && $1 <= s + 6 ? "probes: at least 1, at most one a second over the flood" : "probes: " $1 " in " s " s") }'
# east answered every probe: nothing was torn down
grep -c 'lost its IKE SA state' /tmp/pluto.log
../../guestbin/qcd-status.sh 'decision.(window|acted)'
ipsec whack --trafficstatus
../../guestbin/ping-once.sh --up -I 192.0.1.254 192.0.2.254
