../../guestbin/qcd-status.sh '^#' 'tokens' 'secret'
# the QCD notify as pluto emitted and parsed it: type 16419, Protocol ID 1, no SPI
grep -B2 'Notify Message Type: v2N_QUICK_CRASH_DETECTION' /tmp/pluto.log | grep -E 'Protocol ID|SPI size|Notify Message Type' | sort | uniq -c
