# east: taker only (stores west's token, sends none); west: both
../../guestbin/qcd-status.sh '^#' 'secret'
