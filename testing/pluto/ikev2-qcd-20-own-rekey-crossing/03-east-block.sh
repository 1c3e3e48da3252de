# east's INFORMATIONAL and IKE_AUTH responses to west are lost:
# west's probes go unanswered, so the standby's token wins the window,
# and west's replacement IKE SA stays in IKE_AUTH while east has it
iptables -I OUTPUT -p udp -d 192.1.2.45 --dport 500 -m u32 --u32 '0>>22&0x3C@24&0xFF20=0x2520' -j DROP
iptables -I OUTPUT -p udp -d 192.1.2.45 --dport 500 -m u32 --u32 '0>>22&0x3C@24&0xFF20=0x2320' -j DROP
