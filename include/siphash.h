/* SipHash-2-4, a keyed hash for hash tables fed by untrusted input
 *
 * Copyright (C) 2026 The libreswan-qcd authors.
 *
 * This program is free software; you can redistribute it and/or modify it
 * under the terms of the GNU General Public License as published by the
 * Free Software Foundation; either version 2 of the License, or (at your
 * option) any later version.  See <https://www.gnu.org/licenses/gpl2.txt>.
 *
 * This program is distributed in the hope that it will be useful, but
 * WITHOUT ANY WARRANTY; without even the implied warranty of MERCHANTABILITY
 * or FITNESS FOR A PARTICULAR PURPOSE.  See the GNU General Public License
 * for more details.
 */

#ifndef SIPHASH_H
#define SIPHASH_H

#include <stdint.h>
#include <stddef.h>

#define SIPHASH_KEY_SIZE 16

/*
 * SipHash-2-4 (Aumasson and Bernstein, 2012) of DATA under KEY: who
 * does not know KEY cannot choose inputs that land in a bucket of his
 * choosing (the Linux kernel and WireGuard key their rate-limit and
 * connection tables the same way).  Not a MAC for anything else.
 */
uint64_t siphash24(const uint8_t key[SIPHASH_KEY_SIZE], const void *data, size_t len);

#endif
