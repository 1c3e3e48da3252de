# a spoofed hint makes west ask east; the attacker answers the query NACK
../../guestbin/qcd-forge.py sir-nack --spi $(cat OUTPUT/spi) --from 198.51.100.23 --to 192.1.2.45 --dev eth1 --wait 10
