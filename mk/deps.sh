#!/bin/sh
# Install, by Debian package name, everything the build, the UML testbed,
# the demo and the benchmark need.  Idempotent: does nothing when all
# packages are present.  Also adds the deb-src entry used to fetch the
# upstream tarball.
set -eu

# strongswan-charon (a peer in the interoperability tests) pulls in
# strongswan-starter, whose /usr/sbin/ipsec and /etc/ipsec.conf sit on
# the host: guests find libreswan's ipsec first (/usr/local/sbin) and
# get the build's /etc/ipsec.conf over the host's (testing/uml/guest-init).
# bc, xz-utils, libssl-dev, libelf-dev: building the guests' kernel
# (testing/uml/kernel-build)
PACKAGES="
 build-essential pkgconf bison flex xmlto
 libnss3-dev libnspr4-dev libnss3-tools
 libevent-dev libunbound-dev libldns-dev libcap-ng-dev
 libpam0g-dev libsystemd-dev libaudit-dev libselinux1-dev libldap-dev
 libcurl4-openssl-dev libkrb5-dev
 user-mode-linux kmod iproute2 iputils-ping iputils-arping fping tcpdump procps
 python3 python3-pexpect python3-setproctitle python3-openssl python3-cryptography
 openssl nftables psmisc
 rsync iptables gawk conntrack
 dpkg-dev ca-certificates
 bc xz-utils libssl-dev libelf-dev
 clang libclang-rt-14-dev
 quilt git
 tshark
 strongswan-charon strongswan-swanctl libcharon-extra-plugins libstrongswan-standard-plugins
"

SRC=/etc/apt/sources.list.d/libreswan-qcd-src.sources

missing=""
for p in $PACKAGES; do
	if ! dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed'; then
		missing="$missing $p"
	fi
done

if [ ! -f "$SRC" ]; then
	# Source packages only: the 5.2 upstream tarball lives in trixie.
	cat > "$SRC" <<SRCEOF
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRCEOF
	need_update=yes
fi

if [ -n "$missing" ] || [ -n "${need_update:-}" ]; then
	echo "deps: installing:$missing"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	if [ -n "$missing" ]; then
		apt-get install -y -qq --no-install-recommends $missing
	fi
fi
