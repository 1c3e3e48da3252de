# one hint for west's real SPI, spoofed from east
spi=$(cat OUTPUT/spi)
../../guestbin/qcd-forge.py hint --spi $spi --from 192.1.2.23 --to 192.1.2.45 --spoof --count 1 2>/dev/null
