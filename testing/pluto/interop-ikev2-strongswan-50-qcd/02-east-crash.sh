# strongSwan loses all state: starter and charon killed, its kernel SAs
# flushed, then started again
pkill -9 -x starter
pkill -9 -x charon
ip xfrm state flush
ip xfrm policy flush
../../guestbin/strongswan-start.sh
swanctl --load-conns 2> /dev/null
