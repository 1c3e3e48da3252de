# east sent its token in the final IKE_AUTH response of the EAP exchange
../../guestbin/qcd-status.sh '^#'
../../guestbin/qcd-status.sh 'tokens.sent'
grep -c 'QCD: sent our token' /tmp/pluto.log
