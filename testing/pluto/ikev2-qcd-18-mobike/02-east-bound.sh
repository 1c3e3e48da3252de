# east's token is bound to north's first address
../../guestbin/qcd-status.sh '^#'
