/testing/guestbin/swan-prep --nokeys
../../guestbin/wait-until-alive 198.51.100.23
# ensure that clear text does not get through
iptables -A INPUT -s 198.51.100.23 -p icmp -m policy --dir in --pol none -j DROP
ipsec start
../../guestbin/wait-until-pluto-started
ipsec auto --add cluster
echo "initdone"
