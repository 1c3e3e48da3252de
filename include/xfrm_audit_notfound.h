/* The Linux kernel's audit record of ESP for an unknown SPI, for libreswan
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

#ifndef XFRM_AUDIT_NOTFOUND_H
#define XFRM_AUDIT_NOTFOUND_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "shunk.h"

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
