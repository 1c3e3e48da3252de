# the gateway holding the IKE SA dies: no Delete, nothing left
kill -9 $(cat /run/pluto/pluto.pid)
ip xfrm state flush
ip xfrm policy flush
# as a reboot would (/run is a tmpfs): no stale control socket or pid
rm -f /run/pluto/pluto.ctl /run/pluto/pluto.pid
