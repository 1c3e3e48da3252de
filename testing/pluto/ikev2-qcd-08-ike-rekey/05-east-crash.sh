../../guestbin/wait-for.sh --timeout 30 --match '^#5: .*peer-token=yes' -- ../../guestbin/qcd-status.sh
../../guestbin/qcd-status.sh 'tokens'
# lose all state: no Delete, then a new pluto with the same NSS database
ipsec whack --impair send_no_delete
ipsec stop
ipsec start
../../guestbin/wait-until-pluto-started
