# west's next probe gets east's token back; west starts a replacement
../../guestbin/wait-for-pluto.sh --timeout 100 'lost its IKE SA state'
../../guestbin/wait-for-pluto.sh --timeout 30 '#3: sent IKE_AUTH request'
