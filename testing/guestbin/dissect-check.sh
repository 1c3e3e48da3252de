#!/bin/sh
# Decode a capture with Debian's tshark and check that nothing in it is
# malformed and that tshark raised no expert warning or error, then list
# what it decoded: each distinct IKEv2 exchange, flags, notify types and
# their protocol IDs (one line each, sorted; ESP as "ESP"), so that
# expected output shows the packets decoded as what they are.  With a
# tshark display FILTER, only matching packets are listed (all are
# checked).  Exit status 1 when anything is malformed.
# usage: dissect-check.sh PCAP [FILTER]
pcap=$1
filter=${2:-frame}
if ! command -v tshark > /dev/null; then
	echo "dissect-check: tshark is not installed"
	exit 1
fi
bad=$(tshark -n -r "$pcap" -Y '_ws.malformed || _ws.expert.severity >= "Warning"' 2>/dev/null | wc -l)
total=$(tshark -n -r "$pcap" 2>/dev/null | wc -l)
if [ "$total" -eq 0 ]; then
	echo "dissect-check: $pcap: no packets"
	exit 1
fi
if [ "$bad" -ne 0 ]; then
	echo "dissect-check: $pcap: $bad of $total packets malformed or with expert warnings:"
	tshark -n -r "$pcap" -Y '_ws.malformed || _ws.expert.severity >= "Warning"' -V 2>/dev/null |
		grep -E 'Malformed|Expert Info' | sort | uniq -c
	exit 1
fi
echo "dissect-check: no malformed packets, no expert warnings"
tshark -n -r "$pcap" -Y "$filter" -T fields -E separator='|' \
	-e isakmp.exchangetype -e isakmp.flags -e isakmp.notify.msgtype -e isakmp.notify.protoid -e esp.spi 2>/dev/null |
	awk -F'|' '{
		if ($1 != "") {
			line = sprintf("IKEv2 exchange %s flags %s notify %s protocol %s", $1, $2,
				       ($3 == "" ? "-" : $3), ($4 == "" ? "-" : $4))
		} else if ($5 != "") {
			line = "ESP"
		} else {
			next
		}
		print line
	}' | sort -u
