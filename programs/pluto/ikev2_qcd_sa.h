/* IKEv2 Quick Crash Detection (RFC 6290): what its files share, for libreswan
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
 *
 *
 * The token protocol (ikev2_qcd.c), the unprotected answers and their
 * checks (ikev2_qcd_unprotected.c) and whack's status
 * (ikev2_qcd_status.c) share these; nothing else includes them.
 */

#ifndef IKEV2_QCD_SA_H
#define IKEV2_QCD_SA_H

#include <stdbool.h>
#include <stdint.h>

#include "qcd_token.h"
#include "qcd_options.h"
#include "monotime.h"
#include "ip_address.h"
#include "ike_spi.h"

struct state;
struct ike_sa;
struct pbs_out;
struct logger;
struct show;

/* counters: ipsec whack --qcd-status and --globalstatus */
extern struct qcd_stats {
	uintmax_t tokens_sent;
	uintmax_t tokens_stored;
	uintmax_t tokens_malformed;
	uintmax_t tokens_replaced;
	uintmax_t replies_sent;
	uintmax_t replies_rate_limited;
	uintmax_t replies_failed;
	uintmax_t replies_live_sa;
	uintmax_t replies_not_service;
	uintmax_t replies_too_short;
	uintmax_t verified;
	uintmax_t verify_failed;
	uintmax_t verify_unsolicited;
	uintmax_t verify_not_peer;
	uintmax_t verify_no_token;
	uintmax_t verify_malformed;
	uintmax_t verify_rate_limited;
} qcd_stats;


/*
 * Per IKE SA (struct state .st_v2_qcd), allocated when the IKE SA
 * first sends or stores a token: states that do neither (Child SAs,
 * IKE SAs without qcd=) cost one pointer.
 */
struct v2_qcd {
	struct qcd_digest peer_token;	/* taker: the peer's latest, as a digest */
	monotime_t peer_token_time;	/* when it arrived; epoch: none yet */
	ip_address token_address;	/* maker: bound to it (RFC 6290 5.2), or unset */
	uint32_t token_key_id;		/* maker: the secret generation that made it */
	bool token_sent;		/* maker: we gave ours */
};

struct v2_qcd *qcd_of(struct state *st);

/* the connection's roles */
enum qcd_options st_qcd(const struct state *st);
enum qcd_options ike_qcd(const struct ike_sa *ike);

/* a loaded connection has the maker role */
extern bool qcd_have_maker;

/* maker: did ST give its token?  taker: does ST hold its peer's? */
bool qcd_token_sent(const struct state *st);
bool v2_qcd_have_peer_token(const struct state *st);

/* the taker address a token is bound to, as octets (empty: unbound) */
shunk_t qcd_token_binding(const ip_address *taker);

/*
 * Our token for SPIS from secret generation G (0 = current), bound to
 * TAKER unless that is NULL, impaired as asked.
 */
bool make_qcd_token(unsigned g, const ike_spis_t *spis, const ip_address *taker,
		    struct qcd_token *token, struct logger *logger);

/* RFC 6290 4.1: N(QUICK_CRASH_DETECTION) carrying TOKEN */
bool emit_v2N_qcd_token(const struct qcd_token *token, struct pbs_out *outs);

/*
 * The longest unprotected answer a maker sends: the header,
 * N(INVALID_IKE_SPI) and one N(QUICK_CRASH_DETECTION) per secret
 * generation.  A maker never answers with more octets than the
 * request had (no amplification); a taker pads its requests to this
 * length, so that a genuine request always has room for every token.
 */
#define QCD_NOTIFY_HEADER_SIZE 8	/* generic payload header; Protocol ID, SPI Size, Type */
#define QCD_ANSWER_SIZE(TOKENS) (NSIZEOF_isakmp_hdr + QCD_NOTIFY_HEADER_SIZE + \
				 (TOKENS) * (QCD_NOTIFY_HEADER_SIZE + QCD_TOKEN_SIZE))
#define QCD_MAX_ANSWER_SIZE QCD_ANSWER_SIZE(QCD_SECRET_GENERATIONS)
#define IKE_HEADER_FLAGS_OFFSET 19	/* RFC 7296 3.1: SPIs, Next Payload, Version, Exchange Type */

/* the rate limits, for ipsec whack --qcd-status */
void show_qcd_rate_limits(struct show *s);

#endif
