ipsec whack --trafficstatus
../../guestbin/qcd-status.sh '^#' 'tokens'
