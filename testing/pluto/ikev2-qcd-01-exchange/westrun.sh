ipsec auto --up westnet-eastnet-qcd
../../guestbin/ping-once.sh --up -I 192.0.1.254 192.0.2.254
# our token went out in the first IKE_AUTH request, theirs came back
../../guestbin/qcd-status.sh '^#' 'tokens'
echo done
