/* SIR-style CHECK_SPI cookies, for libreswan
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

#ifndef SIR_COOKIE_H
#define SIR_COOKIE_H

#include <stdbool.h>
#include <stdint.h>

#include "shunk.h"

struct logger;

/*
 * SIR CHECK_SPI (experimental; the SIR draft's wire format was never
 * published, this one is ours).  Private-use status notifications
 * (RFC 7296 3.10.1: 40960-65535; not libreswan's 40960, 50208,
 * 50209):
 */
#define SIR_CHECK_SPI	50300	/* query: do you have the IKE SA of this header? */
#define SIR_SPI_KNOWN	50301	/* answer: yes (ACK) */
#define SIR_SPI_UNKNOWN	50302	/* answer: no (NACK) */

/*
 * Each carries, with Protocol ID 1 (IKE) and SPI Size 0, the querier's
 * cookie: 4 octets of the querier's clock (seconds) and 12 of a MAC
 * over it, the IKE SPIs and the peer's address, keyed with a secret
 * the querier never shares; the answerer echoes it, so an answer is
 * only accepted from someone who saw the query.
 */
#define SIR_COOKIE_SIZE 16
#define SIR_SECRET_SIZE 32

/*
 * The cookie: T (the querier's clock, seconds, big-endian) then the
 * first 12 octets of HMAC-SHA2-256(SECRET, T | SPIi | SPIr | PEER),
 * PEER the peer's address as the querier sends to it (4 or 16
 * octets), computed with crypt_prf (NSS); false when that fails.
 * sir_cookie_eq() compares in constant time.
 */
bool make_sir_cookie(const uint8_t secret[SIR_SECRET_SIZE], uint32_t t,
		     const uint8_t ike_spis[16], shunk_t peer,
		     uint8_t cookie[SIR_COOKIE_SIZE], struct logger *logger);
bool sir_cookie_eq(const uint8_t a[SIR_COOKIE_SIZE],
		   const uint8_t b[SIR_COOKIE_SIZE]);
uint32_t sir_cookie_time(const uint8_t cookie[SIR_COOKIE_SIZE]);

#endif
