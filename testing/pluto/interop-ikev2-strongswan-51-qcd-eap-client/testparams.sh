#!/bin/sh

. ../../default-testparams.sh

# what changes from run to run in the peer-state-loss tests
REF_CONSOLE_FIXUPS="$REF_CONSOLE_FIXUPS state-loss.sed"
