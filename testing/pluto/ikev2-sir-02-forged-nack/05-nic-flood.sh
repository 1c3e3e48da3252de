# a flood of CHECK_SPI queries at east from nic's own address, where
# east has no sir=yes peer: not answered at all
../../guestbin/qcd-forge.py sir-query --count 3000 --from 192.1.2.254 --to 198.51.100.23 2>OUTPUT/queries
grep -o -E '[0-9]+ answers' OUTPUT/queries
# the same, spoofed from west's address (east's peer): answered, to
# west, at most 10 a second after a burst of 20
../../guestbin/qcd-forge.py sir-query --count 3000 --spoof --from 192.1.2.45 --to 198.51.100.23 2>OUTPUT/flood-rate
