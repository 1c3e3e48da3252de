# the copies sent again leave the retransmit schedule alone: the probe
# is still outstanding, not timed out after seven hints
grep -c 'timeout exceeded' /tmp/pluto.log
ipsec whack --showstates | grep -c 'RETRANSMIT in'
