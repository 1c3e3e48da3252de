# the gateway holding the IKE SA dies: no Delete, nothing left
kill -9 $(cat /run/pluto/pluto.pid)
ip xfrm state flush
ip xfrm policy flush
