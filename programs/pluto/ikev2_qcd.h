/* IKEv2 Quick Crash Detection (RFC 6290), for libreswan
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

#ifndef IKEV2_QCD_H
#define IKEV2_QCD_H

#include <stdbool.h>

#include "qcd_token.h"
#include "shunk.h"
#include "monotime.h"
#include "ike_spi.h"
#include "ip_address.h"
#include "ip_endpoint.h"

struct ike_sa;
struct child_sa;
struct state;
struct msg_digest;
struct pbs_out;
struct logger;
struct show;
struct config;
struct keyword_value;

/*
 * Configuration: qcd= of a connection (enum qcd_options, role bits)
 * has been extracted; note whether this pluto now has a maker, and
 * look for the secret once so that a missing one is reported when the
 * connection is loaded, not when the first peer needs it.
 */
void qcd_connection_loaded(enum qcd_options qcd, struct logger *logger);

/*
 * config setup: qcd-reply-rate=, qcd-reply-peer-rate=,
 * qcd-verify-peer-rate= (per second; the burst is twice the rate).
 * NAME is the keyword, for the log line when KV is out of range.
 */
enum qcd_rate_limit {
	QCD_REPLY_RATE,		/* unprotected replies, all sources */
	QCD_REPLY_PEER_RATE,	/* ... per source address */
	QCD_VERIFY_PEER_RATE,	/* verifications per source address */
};
void config_qcd_rate_limit(enum qcd_rate_limit limit, const char *name,
			   const struct keyword_value *kv, struct logger *logger);

/* config setup's QCD keywords, in ipsec status or --globalstatus, when not the defaults */
void show_qcd_setup(struct show *s, bool globalstatus);

/*
 * ipsec rereadsecrets: look the secret and its older generations up
 * again; when the current one changed, send the new token to every
 * peer of a maker.
 */
void reload_qcd_secret(struct logger *logger);

/* pluto shutdown: release the secret's NSS reference */
void free_qcd(void);

/*
 * Maker, RFC 6290 4.2.: add N(QUICK_CRASH_DETECTION) to the first
 * IKE_AUTH request or the final IKE_AUTH response, after AUTH.  Does
 * nothing (and succeeds) unless the connection is a maker and the
 * secret is present.  False only when the message can't be built.
 */
bool emit_v2N_QUICK_CRASH_DETECTION(struct ike_sa *ike, struct pbs_out *pbs);

/*
 * Maker, RFC 6290 5.2.: with qcd-address-bound=yes, when the peer's
 * address changed (a MOBIKE UPDATE_SA_ADDRESSES request), add a
 * token bound to the new address to the response.  Does nothing (and
 * succeeds) otherwise.
 */
bool emit_v2N_QUICK_CRASH_DETECTION_for_new_address(struct ike_sa *ike,
						    struct pbs_out *pbs);

/*
 * Packet dumps (plutodebug): dump PACKET, sent or received, as a
 * debug line, with the data of any QUICK_CRASH_DETECTION notification
 * of an unprotected message shown as zeros; no token bytes reach the
 * log.
 */
void ldbg_packet_without_qcd_tokens(const struct logger *logger, shunk_t packet);

/*
 * Maker, RFC 6290 4.3.: the rekey responder adds its token for the
 * new IKE SA (LARVAL_IKE, both new SPIs known) to the CREATE_CHILD_SA
 * response.
 */
bool emit_v2N_QUICK_CRASH_DETECTION_for_rekey(struct child_sa *larval_ike,
					      struct pbs_out *pbs);

/*
 * Maker, RFC 6290 4.3., 4.4.: send our token in an INFORMATIONAL
 * exchange (the rekey initiator once the new IKE SA is established;
 * every IKE SA after a secret rollover).  False when nothing was
 * queued (not a maker, no secret, IKE SA not established).
 */
bool submit_v2_QUICK_CRASH_DETECTION_exchange(struct ike_sa *ike);

/*
 * Taker, RFC 6290 4.3.: the rekey initiator keeps the token in the
 * CREATE_CHILD_SA response with the new IKE SA (LARVAL_IKE).
 */
void process_v2N_QUICK_CRASH_DETECTION_for_rekey(struct child_sa *larval_ike,
						 struct msg_digest *md);

/*
 * Taker, RFC 6290 3., 4.4.: keep the peer's token (its md->pd[]
 * entry) from a protected message, replacing any earlier one; called
 * by the processors of the exchanges that carry one: IKE_AUTH (both
 * ends, the EAP responder's final request too), an INFORMATIONAL
 * request, and the MOBIKE response.  Quietly ignores malformed tokens
 * (debug log, counter).
 */
void process_v2N_QUICK_CRASH_DETECTION(struct ike_sa *ike, struct msg_digest *md);

/*
 * Maker, RFC 6290 4.5.: a protected request (SK or SKF) arrived for
 * IKE SPIs we don't know; answer, rate limited, with an unprotected
 * N(INVALID_IKE_SPI), N(QUICK_CRASH_DETECTION).  True when the request
 * was dealt with (answered or rate limited), false when QCD does not
 * apply and the caller should carry on as before.
 */
bool process_v2_request_for_unknown_IKE_SPI(struct msg_digest *md);

/*
 * Taker, RFC 6290 4.5.: a response without SK for a secured IKE SA.
 * False when QCD does not apply (the connection is not a taker, or
 * the message claims to be protected): carry on as before.  True when
 * it was QCD's: verified (the IKE SA is then deleted without a Delete
 * and revived, *IKE is NULL) or dropped.
 */
bool process_v2_unprotected_response_QUICK_CRASH_DETECTION(struct ike_sa **ike,
							   struct msg_digest *md);

/*
 * The maker's answer decoded by pluto's payload decoder
 * (ikev2_decode_payloads(), logging to LOGGER): NULL when it has
 * Notify payloads only, INVALID_IKE_SPI among them, and one to four
 * well-formed tokens (RFC 6290 4.1), which ANSWER then holds; else
 * what is wrong.  Wipe ANSWER after either.  (Its own entry point
 * for testing/fuzz/fuzz_qcd_answer.c.)
 */
struct v2_qcd_answer {
	unsigned nr_tokens;
	struct qcd_token tokens[QCD_MAX_TOKENS];
};
const char *decode_v2_QUICK_CRASH_DETECTION_answer(struct msg_digest *md,
						   struct logger *logger,
						   struct v2_qcd_answer *answer);
void wipe_v2_qcd_answer(struct v2_qcd_answer *answer);

/*
 * Octets of padding to add to an SK payload, beyond PADDING, so that
 * a request of a QCD taker's IKE SA (MESSAGE so far) is at least as
 * long as a maker's longest unprotected answer; 0 otherwise.
 */
size_t v2_qcd_request_padding(const struct ike_sa *ike, shunk_t message, size_t padding);

/* forget an IKE SA's QCD state (state deletion) */
void wipe_v2_qcd_state(struct state *st);

/* ipsec whack --qcd-status */
void whack_qcd_status(struct show *s);

/* counters, in ipsec whack --globalstatus */
void show_qcd_stats(struct show *s);
void clear_qcd_stats(void);

#endif
