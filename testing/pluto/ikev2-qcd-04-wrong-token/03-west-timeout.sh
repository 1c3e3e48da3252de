# the bogus token is rejected; only the liveness timeout ends the SA
../../guestbin/wait-for-pluto.sh --timeout 90 'timeout exceeded'
grep 'QCD: token mismatch' /tmp/pluto.log | sed -e 's/^| //' | sort -u
grep -c 'lost its IKE SA state' /tmp/pluto.log
../../guestbin/wait-for-pluto.sh --timeout 30 '#4: initiator established Child SA'
../../guestbin/ping-once.sh --up -I 192.0.1.254 192.0.2.254
../../guestbin/qcd-status.sh 'verify.ok' 'verify.failed' | sed -e 's/failed=[1-9][0-9]*$/failed=N (N > 0)/'
