../../guestbin/qcd-forge.py sniff-replay /tmp/token.reply --to 192.1.2.23 --wait 30 --spoof
../../guestbin/wait-for-pluto.sh --timeout 30 'establishing a new IKE SA before deleting'
../../guestbin/wait-for-pluto.sh --timeout 30 '#3: sent IKE_AUTH request'
