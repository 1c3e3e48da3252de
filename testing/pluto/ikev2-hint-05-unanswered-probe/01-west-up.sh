ipsec auto --up westnet-eastnet-qcd
../../guestbin/ping-once.sh --up -I 192.0.1.254 192.0.2.254
# west's outbound SPI, which an attacker on the path sees in every ESP packet
ip -o xfrm state list src 192.1.2.45 dst 192.1.2.23 | grep -o -E 'spi 0x[0-9a-f]{8}' | head -n 1 | sed -e 's/spi 0x//' > OUTPUT/spi
