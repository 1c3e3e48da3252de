/* The kernel's reports of ESP for SPIs without an SA, for libreswan
 * (Linux XFRM: its audit records)
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

#ifndef KERNEL_XFRM_AUDIT_H
#define KERNEL_XFRM_AUDIT_H

#include <stdbool.h>

#include "ip_address.h"
#include "ipsec_spi.h"

struct logger;
struct show;

/*
 * ESP from SRC to DST (one of ours, maybe) for SPI, which the kernel
 * has no SA for.  Called from the event loop, once per record read;
 * SRC is whoever sent it (unauthenticated).
 */
typedef void xfrm_audit_unknown_spi_cb(ip_address src, ip_address dst,
				       ipsec_spi_t spi, struct logger *logger);

/*
 * Start calling UNKNOWN_SPI for each such packet (auditing turned
 * on when it is off, and off again by free_...()); with NULL, only
 * put right what an earlier pluto that died left on.  Logs why not.
 * Called before pluto's helper threads start: it drops the audit
 * capabilities it no longer needs.
 */
void init_xfrm_audit_unknown_spi(xfrm_audit_unknown_spi_cb *unknown_spi,
				 struct logger *logger);
void free_xfrm_audit_unknown_spi(struct logger *logger);

/* did a pluto turn auditing on and not yet off again? */
bool xfrm_audit_marker_present(void);

/* PREFIX=<records>, PREFIX_other=, PREFIX_malformed= */
void show_xfrm_audit_stats(struct show *s, const char *prefix);
void clear_xfrm_audit_stats(void);

#endif
