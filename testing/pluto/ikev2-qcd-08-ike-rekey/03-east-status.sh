# west's token for the new SPIs comes in an INFORMATIONAL after the rekey
timeout 30 sh -c 'until ipsec whack --qcd-status | grep -q "^#3: .*peer-token=yes"; do sleep 1; done'
../../guestbin/qcd-status.sh '^#'
# now east rekeys: IKE #4; roles swapped
ipsec whack --rekey-ike --name westnet-eastnet-qcd
../../guestbin/qcd-status.sh '^#'
