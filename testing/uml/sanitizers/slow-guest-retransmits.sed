# Speed noise: UML guests compute DH more slowly than upstream's KVM
# guests, more so when several tests share the two host cores.  When a
# response takes longer than pluto's first 0.5 s retransmit interval,
# pluto retransmits, and may then log the late duplicate response.
# Neither line is part of what a test checks.
# Applied to both the expected and the actual console.
/: [A-Z][A-Z_0-9]*: retransmission; will wait [0-9.]* seconds for response$/d
/: dropping [A-Z_]* response with \(duplicate\|in-progress\) Message ID [0-9]*, IKE SA in state [A-Z_0-9]* \(has already processed response\|is currently processing an earlier response with the same ID\)$/d
