# lose all state: no Delete, then a new pluto with the same NSS database
ipsec whack --impair send_no_delete
ipsec stop
# the path drops west's IKE_AUTH requests to the new pluto, and the new
# pluto's IKE_AUTH responses to west
iptables -I INPUT -p udp -s 192.1.2.45 --dport 500 -m u32 --u32 '0>>22&0x3C@24&0xFF20=0x2300' -j DROP
iptables -I OUTPUT -p udp -d 192.1.2.45 --dport 500 -m u32 --u32 '0>>22&0x3C@24&0xFF20=0x2320' -j DROP
ipsec start
../../guestbin/wait-until-pluto-started
ipsec auto --add westnet-eastnet-qcd
