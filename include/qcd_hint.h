/* INVALID_SPI hints (RFC 7296 1.5), for libreswan
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

#ifndef QCD_HINT_H
#define QCD_HINT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "shunk.h"

/*
 * The unprotected INFORMATIONAL message a node sends when ESP or AH
 * arrives for an SPI it does not know and it has no IKE SA with the
 * sender (RFC 7296 1.5): IKE SPIs meaningless (SPIi random, SPIr
 * zero), I set, R clear, Message ID 0, one N(INVALID_SPI) with
 * Protocol ID 0, SPI Size 0 and the 4-octet SPI as its data.  Builds
 * it (IKE header included) into BUF; returns its length, or 0 when
 * SIZE is too small.  SPI is in network order, as on the wire.
 */
#define INVALID_SPI_HINT_SIZE (28 + 8 + 4)
size_t build_invalid_spi_hint(const uint8_t spii[8], uint32_t spi,
			      uint8_t *buf, size_t size);

/*
 * Parse the payloads of such a message (NP: the header's Next
 * Payload; PAYLOADS: the bytes after the header): only Notify
 * payloads, at most INVALID_SPI_HINT_MAX of them; each INVALID_SPI
 * either with SPI Size 0 and 4 octets of data (RFC 7296 1.5's form)
 * or with SPI Size 4 and no data; other notifications ignored; no
 * trailing bytes; at least one INVALID_SPI.  NULL when well formed,
 * else why not.  SPIs are in network order.
 */
#define INVALID_SPI_HINT_MAX 4
struct invalid_spi_hint {
	unsigned nr_spis;
	uint32_t spis[INVALID_SPI_HINT_MAX];
};
const char *parse_invalid_spi_hint(uint8_t np, shunk_t payloads,
				   struct invalid_spi_hint *hint);

/*
 * The kernel's audit record of an ESP or AH packet for an SPI with no
 * SA (xfrm_audit_state_notfound(), AUDIT_MAC_IPSEC_EVENT):
 *
 *   audit(1700000000.123:45): op=SA-notfound src=192.1.2.45
 *   dst=192.1.2.23 spi=3735928559(0xdeadbeef) seqno=7
 *
 * (IPv6 adds flowlbl=).  Strict: op=SA-notfound, src=, dst= (digits,
 * hex digits, '.' and ':' only) and spi= (decimal, the same as the
 * hexadecimal in brackets) must be there, once each; at most 512
 * octets and 16 fields.  SPI in network order.  NULL when it is such
 * a record, else why not.
 */
struct xfrm_audit_notfound {
	char src[48];
	char dst[48];
	uint32_t spi;
};
const char *parse_xfrm_audit_notfound(shunk_t text, struct xfrm_audit_notfound *r);

#endif
