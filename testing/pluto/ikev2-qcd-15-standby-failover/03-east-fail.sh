# east fails: no Delete, pluto gone, and the service address with it
ipsec whack --impair send_no_delete
ipsec stop
ip addr del 192.1.2.23/24 dev eth1
