# The tests where a survivor without QCD revives its connection after
# retransmitting into the void: how many attempts that takes, and so
# the serial numbers of the states that finally come up, changes from
# run to run.  Listed in those tests' testparams.sh, after
# state-loss.sed.

s/^\("[^"]*"\) #[0-9]*: initiator established Child SA using #[0-9]*;/\1 #N: initiator established Child SA using #N;/
s/^#[0-9]*: \(".*", type=ESP, add_time=\)/#N: \1/
