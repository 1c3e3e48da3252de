# one more hint: west sends its probe again at once, and east's answer gets through
../../guestbin/qcd-forge.py hint --spi $spi --from 192.1.2.23 --to 192.1.2.45 --spoof --count 1 2>/dev/null
