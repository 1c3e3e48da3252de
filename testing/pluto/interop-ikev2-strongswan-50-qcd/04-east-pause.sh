# strongSwan is paused while west restarts, so that its DPD probes meet
# the restarted west however long the restart takes: on a slow host
# they could all fall while west's pluto is down, and go unanswered
pkill -STOP -x charon || echo "no charon to pause"
