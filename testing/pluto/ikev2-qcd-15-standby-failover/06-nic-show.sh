# nic answered west's probe on the service address and holds the new SAs
ipsec whack --qcd-status | grep -E 'replies\.(sent|not_service)' | sed -e 's/sent=[1-9][0-9]*$/sent=N/'
ipsec whack --trafficstatus
