ipsec auto --down westnet-eastnet
