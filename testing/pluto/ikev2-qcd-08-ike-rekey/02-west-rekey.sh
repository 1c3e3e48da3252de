# west rekeys the IKE SA: IKE #3; east's token for the new SPIs comes
# in the CREATE_CHILD_SA response, west's goes out in an INFORMATIONAL
ipsec whack --rekey-ike --name westnet-eastnet-qcd
../../guestbin/wait-for.sh --timeout 30 --match '^#3: .*sent-token=yes.*peer-token=yes' -- ../../guestbin/qcd-status.sh
../../guestbin/qcd-status.sh '^#'
