# The peer-state-loss tests (QCD, INVALID_SPI hints, SIR), listed in
# their testparams.sh: what their output shows that changes from run
# to run.

# how long the survivor waited for a protected message from its peer
# before acting on evidence that the peer lost its state, or how soon
# that message came when the evidence was forged
s/\(, no protected message within \)[0-9.]*s)/\1Ns)/
s/\(: forged state-loss evidence caught: a protected message from the peer arrived \)[0-9.]*s /\1Ns /

# the bytes a tunnel carried, when not none (pings, and the probes
# and ESP whose number depends on timing); ipsec whack --trafficstatus
/^#[0-9]*: ".*", type=ESP, add_time=/ s/\(in\|out\)Bytes=[1-9][0-9]*/\1Bytes=N/g

# how often a survivor without QCD retransmitted into the void
s/\( second timeout exceeded after \)[0-9]* retransmits\./\1N retransmits./

# the port nic's NAT gives road's UDP 4500 (4600 and up)
s/\(192\.1\.2\.254[.:]\)4[67][0-9][0-9]\([^0-9]\|$\)/\1NAT-PORT\2/g
