# east answers west's next probe with INVALID_IKE_SPI and a bogus token
../../guestbin/wait-for.sh --timeout 60 --match 'verify.failed=[1-9]' -- ipsec whack --qcd-status > /dev/null
grep 'QCD: token mismatch' /tmp/pluto.log | sort -u
# west keeps its IKE SA and Child SA; the probe keeps retransmitting
ipsec whack --trafficstatus
grep -c 'lost its IKE SA state' /tmp/pluto.log
# only the liveness timeout ends the SA, then west starts over
../../guestbin/wait-for-pluto.sh --timeout 60 'timeout exceeded'
grep -c 'lost its IKE SA state' /tmp/pluto.log
../../guestbin/wait-for-pluto.sh --timeout 60 '#\([3-9]\|[1-9][0-9]\+\): initiator established Child SA'
../../guestbin/ping-once.sh --up -I 192.0.1.254 192.0.2.254
../../guestbin/qcd-status.sh 'verify.ok'
../../guestbin/qcd-status.sh --nonzero 'verify.failed'
