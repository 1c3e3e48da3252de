#!/bin/sh
# Decode a capture with Debian's tshark and check that nothing in it is
# malformed and that tshark raised no expert warning or error, then list
# what it decoded: each distinct IKEv2 exchange, flags, notify types and
# their protocol IDs (one line each, sorted; ESP as "ESP"), so that
# expected output shows the packets decoded as what they are.  With a
# tshark display FILTER, only matching packets are listed (all are
# checked).  Exit status 1 when anything is malformed.
# usage: dissect-check.sh PCAP [FILTER]
#
# tshark takes about 7 s to start in a UML guest: one pass decodes and
# checks (a second lists, only with a FILTER; a third explains, only on
# failure).
pcap=$1
filter=$2
if ! command -v tshark > /dev/null; then
	echo "dissect-check: tshark is not installed"
	exit 1
fi
FIELDS="-e isakmp.exchangetype -e isakmp.flags -e isakmp.notify.msgtype -e isakmp.notify.protoid -e esp.spi"
# per packet: malformed|expert severities|the fields above
decoded=$(tshark -n -r "$pcap" -T fields -E separator='|' \
	-e _ws.malformed -e _ws.expert.severity $FIELDS 2>/dev/null)
total=$(printf '%s\n' "$decoded" | grep -c .)
if [ "$total" -eq 0 ]; then
	echo "dissect-check: $pcap: no packets"
	exit 1
fi
# expert severities: 0x00600000 (6291456) is Warning, 0x00800000 Error
bad=$(printf '%s\n' "$decoded" | awk -F'|' '
	{
		b = ($1 != "")
		n = split($2, s, ",")
		for (i = 1; i <= n; i++) if (s[i] + 0 >= 6291456) b = 1
		bad += b
	}
	END { print bad + 0 }')
if [ "$bad" -ne 0 ]; then
	echo "dissect-check: $pcap: $bad of $total packets malformed or with expert warnings:"
	tshark -n -r "$pcap" -Y '_ws.malformed || _ws.expert.severity >= "Warning"' -V 2>/dev/null |
		grep -E 'Malformed|Expert Info' | sort | uniq -c
	exit 1
fi
echo "dissect-check: no malformed packets, no expert warnings"
if [ -n "$filter" ]; then
	listed=$(tshark -n -r "$pcap" -Y "$filter" -T fields -E separator='|' \
		-e _ws.malformed -e _ws.expert.severity $FIELDS 2>/dev/null)
else
	listed=$decoded
fi
printf '%s\n' "$listed" |
	awk -F'|' '{
		if ($3 != "") {
			line = sprintf("IKEv2 exchange %s flags %s notify %s protocol %s", $3, $4,
				       ($5 == "" ? "-" : $5), ($6 == "" ? "-" : $6))
		} else if ($7 != "") {
			line = "ESP"
		} else {
			next
		}
		print line
	}' | sort -u
