timeout 30 sh -c 'until ipsec whack --qcd-status | grep -q "^#5: .*peer-token=yes"; do sleep 1; done'
../../guestbin/qcd-status.sh 'tokens'
# lose all state: no Delete, then a new pluto with the same NSS database
ipsec whack --impair send_no_delete
ipsec stop
ipsec start
../../guestbin/wait-until-pluto-started
