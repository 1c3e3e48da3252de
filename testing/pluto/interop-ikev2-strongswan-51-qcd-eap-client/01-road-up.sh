# EAP-TLS: libreswan is the EAP server; its QCD token goes in the
# final IKE_AUTH response (after EAP success), which strongSwan, not a
# QCD taker, parses and ignores
strongswan up rw-eap | grep -E 'parsed IKE_AUTH response|established successfully'
