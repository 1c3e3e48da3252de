# nic answered west's probe on the service address and holds the new SAs
../../guestbin/qcd-status.sh 'replies\.(sent|not_service)'
ipsec whack --trafficstatus
