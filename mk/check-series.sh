#!/bin/bash
# Build after every prefix of patches/series: a fresh tree from the
# tarball in build/series/, our files laid over it, then each patch in
# turn (zero fuzz) followed by an incremental "make base".  Prints
# "series: <patch> builds" per prefix; stops at the first failure.
# usage: mk/check-series.sh TOP TARBALL JOBS LSW_FLAGS...
set -euo pipefail
top=$1 tarball=$2 jobs=$3
shift 3
work=$top/build/series
tree=$work/libreswan-5.2
rm -rf "$work"
mkdir -p "$work"
tar -xzf "$tarball" -C "$work"
# our files, as "make patched" lays them
make -C "$top" --no-print-directory overlay PATCHED_TREE="$tree" >/dev/null
log=$work/build.log
build() {
	if ! make -C "$tree" -j"$jobs" base "$@" >>"$log" 2>&1; then
		tail -n 30 "$log"
		return 1
	fi
}
echo "series: (no patch) ..."
build "$@" || { echo "series: the tree without patches does not build"; exit 1; }
sed -e '/^#/d' "$top/patches/series" | while read -r p; do
	if ! patch -d "$tree" -p1 --fuzz=0 --quiet <"$top/patches/$p"; then
		echo "series: $p does not apply"
		exit 1
	fi
	if ! build "$@"; then
		echo "series: the tree does not build with $p"
		exit 1
	fi
	echo "series: $p builds"
done
