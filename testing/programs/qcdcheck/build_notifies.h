/* QCD unit checks and fuzz seeds: a chain of IKEv2 notify payloads
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

#ifndef BUILD_NOTIFIES_H
#define BUILD_NOTIFIES_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "ietf_constants.h"	/* for ISAKMP_NEXT_v2N */

/* one notify payload: its type, Protocol ID, SPI size and data length */
struct n {
	unsigned type;
	uint8_t protoid;
	uint8_t spisize;
	size_t len;
};

/*
 * Write NR notify payloads, chained (the last one's Next Payload is
 * 0), then TRAILING junk octets, at BUF; each payload's SPI and data
 * are filled with 0x40 + its index.  Returns the octets written.
 */
static inline size_t build_notifies(uint8_t *buf, const struct n *ns, unsigned nr,
				    size_t trailing)
{
	size_t off = 0;
	for (unsigned i = 0; i < nr; i++) {
		size_t length = 8 + ns[i].spisize + ns[i].len;
		buf[off + 0] = (i + 1 < nr ? ISAKMP_NEXT_v2N : ISAKMP_NEXT_v2NONE);
		buf[off + 1] = 0;
		buf[off + 2] = length >> 8;
		buf[off + 3] = length & 0xff;
		buf[off + 4] = ns[i].protoid;
		buf[off + 5] = ns[i].spisize;
		buf[off + 6] = ns[i].type >> 8;
		buf[off + 7] = ns[i].type & 0xff;
		memset(buf + off + 8, 0x40 + i, ns[i].spisize + ns[i].len);
		off += length;
	}
	memset(buf + off, 0xee, trailing);
	return off + trailing;
}

#endif
