# answered: at most 10 a second to one source (burst 20); the rest dropped
timeout 30 sh -c 'a=; while b=$(ipsec whack --qcd-status | grep sir.queries_received); [ "$a" != "$b" ]; do a=$b; sleep 1; done'
ipsec whack --qcd-status | grep -E 'sir\.queries_rate_limited=' | sed -e 's/=[1-9][0-9]*$/=N (N > 0)/'
ipsec whack --qcd-status | sed -n -e 's/^total.qcd.sir.nacks_sent=//p' | awk '{ print ($1 >= 20 && $1 <= 60 ? "NACKs to the flood: between 20 and 60" : "NACKs to the flood: " $1) }'
ipsec whack --trafficstatus | sed -e 's/\(in\|out\)Bytes=[0-9]*/\1Bytes=N/g'
