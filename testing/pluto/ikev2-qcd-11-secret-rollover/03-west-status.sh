../../guestbin/wait-for.sh --timeout 30 --match 'tokens.stored=2' -- ../../guestbin/qcd-status.sh
../../guestbin/qcd-status.sh '^#' 'tokens.stored'
