pkill -CONT -x charon || echo "no charon to resume"
# strongSwan's DPD gets QCD's unprotected answers, gives up, then
# dpd_action=restart brings the tunnel back
../../guestbin/wait-for.sh --timeout 100 --match 'giving up after' -- cat /tmp/charon.log > /dev/null
../../guestbin/wait-for.sh --timeout 60 --match 'CHILD_SA westnet-eastnet{[0-9]*} established' -- sed -n '/giving up after/,$p' /tmp/charon.log > /dev/null
echo $(date +%s.%N) $(cat OUTPUT/west-up) | awk '{ printf "strongSwan back %.1fs after west restarted\n", $1 - $2 }' > OUTPUT/strongswan-back
ping -n -q -c 1 -W 2 -I 192.0.2.254 192.0.1.254 > /dev/null && echo "tunnel up"
