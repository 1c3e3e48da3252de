# west's token for the new SPIs comes in an INFORMATIONAL after the rekey
../../guestbin/wait-for.sh --timeout 30 --match '^#3: .*peer-token=yes' -- ../../guestbin/qcd-status.sh
../../guestbin/qcd-status.sh '^#'
# now east rekeys: IKE #4; roles swapped
ipsec whack --rekey-ike --name westnet-eastnet-qcd
../../guestbin/qcd-status.sh '^#'
