timeout 30 sh -c 'until ipsec whack --qcd-status | grep -q "^#4: .*peer-token=yes"; do sleep 1; done'
../../guestbin/qcd-status.sh '^#' 'tokens'
../../guestbin/ping-once.sh --up -I 192.0.1.254 192.0.2.254
