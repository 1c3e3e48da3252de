# east brings the connection up itself (as auto=start does after a
# restart): its own IKE SA is established while west's replacement
# waits in IKE_AUTH
ipsec auto --up westnet-eastnet-qcd
# then west's replacement reaches east, which establishes it too (its
# Child SA is now east's newest), while its answer is still lost
iptables -F INPUT
../../guestbin/wait-for-pluto.sh --timeout 30 'responder established Child SA using #1'
# west retransmits its IKE_AUTH request (it does not drop the
# replacement as superseded by east's own IKE SA); then its answer
# gets through
../../guestbin/wait-for-pluto.sh --timeout 30 '#1: IKE_AUTH request has duplicate Message ID 1' > /dev/null
iptables -F OUTPUT
