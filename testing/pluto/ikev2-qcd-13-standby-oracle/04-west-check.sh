# west kept its SA; the attempt is counted, nothing was torn down
../../guestbin/qcd-status.sh 'verify.ok' 'decision.(forgery_caught|acted)'
grep -c 'deleting IKE SA without notification' /tmp/pluto.log
../../guestbin/ping-once.sh --up -I 192.0.1.254 192.0.2.254
ipsec whack --trafficstatus
