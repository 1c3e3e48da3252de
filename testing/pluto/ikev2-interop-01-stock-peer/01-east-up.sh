# stock east initiates; west, the responder, adds its token to IKE_AUTH
ipsec auto --up westnet-eastnet
../../guestbin/ping-once.sh --up -I 192.0.2.254 192.0.1.254
