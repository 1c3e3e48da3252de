../../guestbin/wait-for-pluto.sh --timeout 30 'responder established Child SA using #3'
