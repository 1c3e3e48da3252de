# west rekeys the IKE SA it is replacing: the request waits behind
# the unanswered probe
ipsec whack --rekey-ike --name westnet-eastnet-qcd --asynchronous
