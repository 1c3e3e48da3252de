/testing/guestbin/swan-prep --nokeys
echo "initdone"
