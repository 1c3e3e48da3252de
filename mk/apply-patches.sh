#!/bin/sh
# Apply patches/series to an unpacked upstream tree, in order, with
# zero fuzz.  Each patch is first tried with --dry-run so that a patch
# that does not apply exactly leaves the tree untouched and the build
# stops naming it.
set -eu
PATCHDIR=$1
TREE=$2
while read -r p rest; do
	case "$p" in ''|\#*) continue ;; esac
	if ! patch -d "$TREE" -p1 --fuzz=0 --dry-run --quiet --force \
	     < "$PATCHDIR/$p" > "$TREE/.patch-check.log" 2>&1; then
		echo "patches: $p does not apply with zero fuzz:" >&2
		cat "$TREE/.patch-check.log" >&2
		exit 1
	fi
	patch -d "$TREE" -p1 --fuzz=0 --no-backup-if-mismatch --quiet --force < "$PATCHDIR/$p"
	echo "patches: applied $p"
done < "$PATCHDIR/series"
rm -f "$TREE/.patch-check.log"
