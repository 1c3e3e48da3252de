../../guestbin/wait-for.sh --timeout 30 --match '^#4: .*peer-token=yes' -- ../../guestbin/qcd-status.sh
../../guestbin/qcd-status.sh '^#' 'tokens'
../../guestbin/ping-once.sh --up -I 192.0.1.254 192.0.2.254
# west rekeys once more: IKE #5; east, the rekey responder, gives its
# token in the CREATE_CHILD_SA response: the token that decides below
ipsec whack --rekey-ike --name westnet-eastnet-qcd
../../guestbin/wait-for.sh --timeout 30 --match '^#5: .*sent-token=yes.*peer-token=yes' -- ../../guestbin/qcd-status.sh
../../guestbin/qcd-status.sh '^#' 'tokens'
