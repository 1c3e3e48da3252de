# ten hints for west's real SPI, spoofed from east, a second or more apart:
# each is acted on (the first probes, the others send the probe again)
spi=$(cat OUTPUT/spi)
for i in 1 2 3 4 5 6 7 8 9 10; do ../../guestbin/qcd-forge.py hint --spi $spi --from 192.1.2.23 --to 192.1.2.45 --spoof --count 1 2>/dev/null; sleep 1.1; done
