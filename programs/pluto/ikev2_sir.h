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

#ifndef IKEV2_SIR_H
#define IKEV2_SIR_H

#include <stdbool.h>
#include <stdint.h>

#include "sir_cookie.h"

struct ike_sa;
struct msg_digest;
struct show;

/*
 * Querier (sir=yes): the peer answered without a valid QCD token, or
 * an INVALID_SPI hint came from a peer that gave us no token; ask the
 * peer's address, unprotected, whether it has the IKE SA.  WHY is for
 * the debug log.  The decision module decides whether a query may go
 * now (one decision at a time, dampening, one a second) and weighs
 * the answers.  True when a query was sent.
 */
bool send_v2_sir_query(struct ike_sa *ike, const char *why);

/* at startup: the decision module asks the peer with send_v2_sir_query() */
void init_sir(void);

/*
 * A SIR message (unprotected INFORMATIONAL, Message ID 0xffffffff,
 * first payload Notify), before any IKE SA lookup and Message ID
 * check: a query is answered (sir=yes on the address it came to;
 * rate limited; stateless); an answer goes, once its cookie
 * verifies, to the decision module.  False when MD is not a SIR
 * message: carry on as before.
 */
bool process_v2_sir_message(struct msg_digest *md);

/* its reading: NULL, or what is wrong (testing/fuzz/fuzz_sir.c) */
const char *decode_v2_sir_message(struct msg_digest *md, unsigned *type,
				  uint8_t cookie[SIR_COOKIE_SIZE]);

/* counters, in ipsec whack --qcd-status and --globalstatus */
void show_sir_stats(struct show *s);
void clear_sir_stats(void);

#endif
