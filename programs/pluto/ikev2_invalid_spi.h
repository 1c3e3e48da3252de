/* INVALID_SPI hints for ESP with unknown SPIs (RFC 7296 1.5), for libreswan
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

#ifndef IKEV2_INVALID_SPI_H
#define IKEV2_INVALID_SPI_H

#include <stdbool.h>

#include "ipsec_spi.h"

struct logger;
struct msg_digest;
struct show;

/*
 * The restarted side.  config setup invalid-spi-notify=yes: learn
 * from the kernel of ESP (and ESP-in-UDP) packets for SPIs with no
 * SA, and answer each source, rate limited, with an unprotected
 * INFORMATIONAL carrying N(INVALID_SPI).
 */
void config_invalid_spi_notify(bool enabled);
/* ... in ipsec status or --globalstatus, when on */
void show_invalid_spi_notify_setup(struct show *s, bool globalstatus);
bool invalid_spi_notify_enabled(void);	/* (capabilities to keep) */
void init_invalid_spi_notify(struct logger *logger);
void free_invalid_spi_notify(struct logger *logger);

/*
 * The survivor.  An unprotected INFORMATIONAL request with unknown
 * IKE SPIs carrying N(INVALID_SPI): true when it was such a hint
 * (acted on, or dropped), false when the caller should carry on.
 */
bool process_v2_INVALID_SPI_hint(struct msg_digest *md);

/* its reading, NULL or what is wrong (testing/fuzz/fuzz_invalid_spi_hint.c) */
#define INVALID_SPI_HINT_MAX 4
struct v2_invalid_spi_hint {
	unsigned nr_spis;
	ipsec_spi_t spis[INVALID_SPI_HINT_MAX];
};
const char *decode_v2_INVALID_SPI_hint(struct msg_digest *md,
				       struct v2_invalid_spi_hint *hint);

/* ipsec whack --qcd-status */
void show_invalid_spi_stats(struct show *s);
void clear_invalid_spi_stats(void);

#endif
