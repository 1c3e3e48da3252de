../../guestbin/qcd-status.sh '^#' 'tokens'
