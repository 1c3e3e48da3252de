ipsec whack --qcd-status | grep -E 'replies\.(sent|not_service)'
