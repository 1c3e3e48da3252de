# east's last (only) maker connection goes: east is a maker no more
ipsec auto --delete westnet-eastnet-qcd
