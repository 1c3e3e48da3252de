# east goes down: no Delete, no SAs left, no pluto
ipsec whack --impair send_no_delete
ipsec stop
