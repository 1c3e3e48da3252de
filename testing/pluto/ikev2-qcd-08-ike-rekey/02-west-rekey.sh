# west rekeys the IKE SA: IKE #3; east's token for the new SPIs comes
# in the CREATE_CHILD_SA response, west's goes out in an INFORMATIONAL
ipsec whack --rekey-ike --name westnet-eastnet-qcd
timeout 30 sh -c 'until ipsec whack --qcd-status | grep -q "^#3: .*sent-token=yes.*peer-token=yes"; do sleep 1; done'
../../guestbin/qcd-status.sh '^#'
