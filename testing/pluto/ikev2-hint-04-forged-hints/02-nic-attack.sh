# nic talks to west first, so that no forged packet below waits on
# (or is lost to) the resolution of west's link-layer address
../../guestbin/ping-once.sh --up 192.1.2.45
spi=$(cat OUTPUT/spi)
# a hint naming west's outbound spi, sent with nic's own address: not
# the Child SA's peer
../../guestbin/qcd-forge.py hint --spi $spi --from 192.1.2.254 --to 192.1.2.45 --count 5 2>/dev/null
# a hint as if east sent it (spoofed), naming an unknown spi
../../guestbin/qcd-forge.py hint --spi 01020304 --from 192.1.2.23 --to 192.1.2.45 --spoof --count 5 2>/dev/null
# the flood: hints naming west's real spi, as if east sent them, as
# fast as nic can send
../../guestbin/qcd-forge.py hint --spi $spi --from 192.1.2.23 --to 192.1.2.45 --spoof --count 5000 2>OUTPUT/flood-rate
