# the standby answered on its own (maker) address only
ipsec whack --qcd-status | grep -E 'replies\.(sent|not_service)'
