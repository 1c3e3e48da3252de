# IKE #1, Child #2, and a session resumption ticket from east
ipsec auto --up westnet-eastnet-qcd
../../guestbin/ping-once.sh --up -I 192.0.1.254 192.0.2.254
../../guestbin/qcd-status.sh '^#'
# suspend, then resume (RFC 5723): IKE #3 with new SPIs, Child #4
ipsec whack --suspend --name westnet-eastnet-qcd
ipsec auto --up westnet-eastnet-qcd
../../guestbin/ping-once.sh --up -I 192.0.1.254 192.0.2.254
# the IKE_AUTH after IKE_SESSION_RESUME carried new tokens both ways
../../guestbin/qcd-status.sh '^#' 'tokens'
