# Distribution noise: Debian 12's OpenSSL 3.0 prints certificate names
# as "CN = east" where the Fedora guests' OpenSSL printed "CN=east".
# Applied to both the expected and the actual console.
s/^\(        Subject: \|subject=\|        Issuer: \|issuer=\)\([A-Za-z]*\) = /\1\2=/
s/, \([A-Z][A-Za-z]*\) = /, \1=/g
