# the INVALID_SPI hint, QCD reply and SIR query/answer as tshark decodes them
pkill tcpdump
timeout 30 sh -c 'while pidof tcpdump > /dev/null; do sleep 0.5; done'
../../guestbin/dissect-check.sh /tmp/sir.pcap 'isakmp.notify.msgtype == 11 || isakmp.notify.msgtype == 4 || isakmp.notify.msgtype >= 50300'
