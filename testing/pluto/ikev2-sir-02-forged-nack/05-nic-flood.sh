# a flood of CHECK_SPI queries at east, from nic's own address
../../guestbin/qcd-forge.py sir-query --count 3000 --from 192.1.2.254 --to 198.51.100.23 2>OUTPUT/flood-rate
