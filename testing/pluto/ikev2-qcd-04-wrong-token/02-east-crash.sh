# lose all state: no Delete, then a new pluto with the same NSS database
# that answers with a wrong token
ipsec whack --impair send_no_delete
ipsec stop
ipsec pluto --config /etc/ipsec.conf --leak-detective --impair qcd_bogus_token
../../guestbin/wait-until-pluto-started
