#!/bin/sh
# Fetch libreswan's 5.2 upstream tarball from Debian's archive (source
# package libreswan, suite trixie) and verify its SHA-256.  apt-get exits
# non-zero because the matching .dsc is missing from the archive; the
# checksum, not the exit code, decides.
set -eu

TARBALL=libreswan_5.2.orig.tar.gz
SHA256=c382bbd838c239f8d4c4e9cc320f3abf34f7b08e71d9e78ed029a96d963940ce
DIR=${1:-build/dl}

mkdir -p "$DIR"
cd "$DIR"
if [ -f "$TARBALL" ] && echo "$SHA256  $TARBALL" | sha256sum -c --quiet - 2>/dev/null; then
	exit 0
fi
rm -f "$TARBALL"
apt-get source --download-only libreswan/trixie >apt-source.log 2>&1 || true
if [ ! -f "$TARBALL" ]; then
	echo "fetch: $TARBALL was not downloaded; see $DIR/apt-source.log" >&2
	exit 1
fi
if ! echo "$SHA256  $TARBALL" | sha256sum -c --quiet -; then
	echo "fetch: $TARBALL: SHA-256 mismatch, refusing to use it" >&2
	rm -f "$TARBALL"
	exit 1
fi
