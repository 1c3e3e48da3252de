../../guestbin/wait-for-pluto.sh --timeout 30 'responder established Child SA using #3' | sed -e 's/0x[0-9a-f]*/0xSPI/g'
