# the replacement was not dropped when east's own IKE SA came first
../../guestbin/wait-for-pluto.sh --timeout 30 '#3: initiator established IKE SA'
grep -v '^|' /tmp/pluto.log | grep -e 'superseeded' -e 'is established; deleting this IKE SA'
ipsec showstates
../../guestbin/ping-once.sh --up -I 192.0.1.254 192.0.2.254
ipsec whack --trafficstatus
