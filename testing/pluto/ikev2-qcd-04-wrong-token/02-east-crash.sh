# lose all state; hold west's probes back until the new pluto lies
iptables -I INPUT -p udp --dport 500 -j DROP
ipsec whack --impair send_no_delete
ipsec stop
ipsec start
../../guestbin/wait-until-pluto-started
ipsec whack --impair qcd_bogus_token
iptables -D INPUT -p udp --dport 500 -j DROP
