pkill -CONT -x charon || echo "no charon to resume"
# strongSwan's DPD gets QCD's unprotected answers, gives up, then
# dpd_action=restart brings the tunnel back
timeout 100 sh -c 'until grep -q "giving up after" /tmp/charon.log; do sleep 0.5; done'
timeout 60 sh -c 'until sed -n "/giving up after/,\$p" /tmp/charon.log | grep -q "CHILD_SA westnet-eastnet{[0-9]*} established"; do sleep 0.5; done'
echo $(date +%s.%N) $(cat OUTPUT/west-up) | awk '{ printf "strongSwan back %.1fs after west restarted\n", $1 - $2 }' > OUTPUT/strongswan-back
ping -n -q -c 1 -W 2 -I 192.0.2.254 192.0.1.254 > /dev/null && echo "tunnel up"
cp /tmp/charon.log OUTPUT/east.charon.log
