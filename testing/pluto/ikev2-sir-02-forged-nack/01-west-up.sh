ipsec auto --up service
../../guestbin/ping-once.sh --up 198.51.100.23
# west's outbound SPI, which the attacker on nic sees in every ESP packet
ip -o xfrm state list src 192.1.2.45 dst 198.51.100.23 | grep -o -E 'spi 0x[0-9a-f]{8}' | head -n 1 | sed -e 's/spi 0x//' > OUTPUT/spi
