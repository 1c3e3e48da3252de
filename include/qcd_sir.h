/* SIR-style CHECK_SPI query and answer, for libreswan
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

#ifndef QCD_SIR_H
#define QCD_SIR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "shunk.h"

/*
 * The SIR draft's wire format was never published; this one is ours.
 * Private-use status notifications (RFC 7296 3.10.1: 40960-65535; not
 * libreswan's 40960, 50208, 50209):
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
 * octets).  Computed by NSS; false when NSS fails.  sir_cookie_eq()
 * compares in constant time.
 */
bool make_sir_cookie(const uint8_t secret[SIR_SECRET_SIZE], uint32_t t,
		     const uint8_t ike_spis[16], shunk_t peer,
		     uint8_t cookie[SIR_COOKIE_SIZE]);
bool sir_cookie_eq(const uint8_t a[SIR_COOKIE_SIZE],
		   const uint8_t b[SIR_COOKIE_SIZE]);
uint32_t sir_cookie_time(const uint8_t cookie[SIR_COOKIE_SIZE]);

/*
 * An unprotected INFORMATIONAL carrying exactly one such notification.
 * The query is a request: the IKE SA's SPIs, I set when the querier
 * is the IKE SA's original initiator, Message ID 0xffffffff (outside
 * any window: answered before Message ID checks, never confused with
 * an exchange).  The answer copies the query's SPIs, exchange type and
 * Message ID, sets R, and sets I exactly when the query's was clear.
 * Both return the length built into BUF, or 0 when SIZE is too small.
 */
#define SIR_MESSAGE_SIZE (28 + 8 + SIR_COOKIE_SIZE)
#define SIR_QUERY_MSGID 0xffffffff
size_t build_sir_query(const uint8_t ike_spis[16], bool original_initiator,
		       const uint8_t cookie[SIR_COOKIE_SIZE],
		       uint8_t *buf, size_t size);
size_t build_sir_answer(const uint8_t query_header[28], bool known,
			const uint8_t cookie[SIR_COOKIE_SIZE],
			uint8_t *buf, size_t size);

/*
 * Parse the payloads (after the header; NP the header's Next Payload)
 * of a query or an answer: exactly one Notify, of type SIR_CHECK_SPI,
 * SIR_SPI_KNOWN or SIR_SPI_UNKNOWN, Protocol ID 1, SPI Size 0, a
 * cookie of exactly SIR_COOKIE_SIZE octets; nothing after it.  NULL
 * (with *TYPE and COOKIE set) or why not.
 */
const char *parse_sir_message(uint8_t np, shunk_t payloads, unsigned *type,
			      uint8_t cookie[SIR_COOKIE_SIZE]);

#endif
