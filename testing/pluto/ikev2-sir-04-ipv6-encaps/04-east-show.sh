../../guestbin/qcd-status.sh 'sir\.(queries_received|acks_sent|nacks_sent)='
# the answer went back over IPv6 on UDP 4500: 52 octets and the non-ESP marker
grep -o 'sending [0-9]* bytes for SIR answer through .* using UDP' /tmp/pluto.log
