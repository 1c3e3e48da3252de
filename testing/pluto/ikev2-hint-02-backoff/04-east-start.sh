# east comes back, without SAs, 16 seconds before west's next retransmission
ipsec start
../../guestbin/wait-until-pluto-started
date +%s.%N > OUTPUT/east-up
