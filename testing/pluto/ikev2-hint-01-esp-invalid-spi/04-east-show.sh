ipsec whack --qcd-status | grep -E 'hint\.notify\.(sent|send_failed)' | sed -e 's/=[1-9][0-9]*$/=N (N > 0)/'
ipsec whack --trafficstatus | sed -e 's/\(in\|out\)Bytes=[0-9]*/\1Bytes=N/g'
