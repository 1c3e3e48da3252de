# the INVALID_SPI hint, QCD reply and SIR query/answer as tshark decodes them
../../guestbin/tcpdump.sh --stop -i eth1 -- -w /tmp/sir.pcap 'udp and (port 500 or port 4500)'
../../guestbin/dissect-check.sh /tmp/sir.pcap 'isakmp.notify.msgtype == 11 || isakmp.notify.msgtype == 4 || isakmp.notify.msgtype >= 50300'
