# east's INFORMATIONAL responses to west are lost: west's probes go
# unanswered, so the standby's token wins the window; and west's
# IKE_AUTH requests do not reach east (yet)
iptables -I OUTPUT -p udp -d 192.1.2.45 --dport 500 -m u32 --u32 '0>>22&0x3C@24&0xFF20=0x2520' -j DROP
iptables -I INPUT -p udp -s 192.1.2.45 --dport 500 -m u32 --u32 '0>>22&0x3C@24&0xFF20=0x2300' -j DROP
