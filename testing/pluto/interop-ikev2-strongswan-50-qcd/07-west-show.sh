../../guestbin/ping-once.sh --up -I 192.0.1.254 192.0.2.254
../../guestbin/qcd-status.sh 'replies\.sent'
grep -c -E 'ASSERTION|EXPECTATION' /tmp/pluto.log
