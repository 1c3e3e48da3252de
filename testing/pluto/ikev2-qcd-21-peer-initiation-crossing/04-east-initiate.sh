# east brings the connection up itself (as auto=start does after a
# restart): its own IKE SA is established while west's replacement
# waits in IKE_AUTH
ipsec auto --up westnet-eastnet-qcd | sed -e 's/0x[0-9a-f]*/0xSPI/g'
# then west's replacement reaches east, which establishes it too (its
# Child SA is now east's newest), while its answer is still lost
iptables -F INPUT
../../guestbin/wait-for-pluto.sh --timeout 30 'responder established Child SA using #1' | sed -e 's/0x[0-9a-f]*/0xSPI/g'
sleep 3
iptables -F OUTPUT
