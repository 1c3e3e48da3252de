ipsec auto --up road-east-qcd
../../guestbin/ping-once.sh --up -I 192.1.3.209 192.0.2.254
# ESP in UDP, through the NAT
ipsec whack --trafficstatus
../../guestbin/qcd-status.sh '^#'
