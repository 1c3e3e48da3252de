# west's pluto is paused while east restarts, so that its liveness
# probes meet the restarted east however long the restart takes: on a
# slow host they could all fall while east's pluto is down
pkill -STOP -x pluto || echo "no pluto to pause"
