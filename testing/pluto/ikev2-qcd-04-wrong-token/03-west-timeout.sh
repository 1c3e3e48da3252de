# east answers west's next probe with INVALID_IKE_SPI and a bogus token
../../guestbin/wait-for.sh --timeout 60 --match 'verify.failed=[1-9]' -- ipsec whack --qcd-status > /dev/null
grep 'QCD: token mismatch' /tmp/pluto.log | sed -e 's/^| //' | sort -u
# west keeps its IKE SA and Child SA; the probe keeps retransmitting
ipsec whack --trafficstatus
grep -c 'lost its IKE SA state' /tmp/pluto.log
# only the liveness timeout ends the SA, then west starts over
../../guestbin/wait-for-pluto.sh --timeout 60 'timeout exceeded' | sed -e 's/after [0-9]* retransmits/after N retransmits/'
grep -c 'lost its IKE SA state' /tmp/pluto.log
../../guestbin/wait-for-pluto.sh --timeout 60 '#\([3-9]\|[1-9][0-9]\+\): initiator established Child SA' | sed -e 's/#[0-9][0-9]*/#N/g' -e 's/0x[0-9a-f]*/0xSPI/g'
../../guestbin/ping-once.sh --up -I 192.0.1.254 192.0.2.254
../../guestbin/qcd-status.sh 'verify.ok' 'verify.failed' | sed -e 's/failed=[1-9][0-9]*$/failed=N (N > 0)/'
