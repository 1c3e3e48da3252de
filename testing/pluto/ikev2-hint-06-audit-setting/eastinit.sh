/testing/guestbin/swan-prep --nokeys
# auditing starts off
../../guestbin/audit-status.py enable 0
../../guestbin/audit-status.py
echo "initdone"
