/* IKEv2 Quick Crash Detection (RFC 6290): unprotected answers, for libreswan
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
 * The maker's answer to a protected request for IKE SPIs it lost
 * (RFC 6290 4.5), and the taker's check of such an answer, both
 * before any authentication: rate limited (ikev2_unprotected.c's
 * keyed buckets), read through pluto's payload decoder, counted,
 * logged at debug level only.
 */

#include "defs.h"

#include "ikev2_qcd.h"
#include "ikev2_qcd_sa.h"
#include "ikev2_state_loss.h"
#include "ikev2_unprotected.h"
#include "qcd_secret.h"

#include "state.h"
#include "connections.h"
#include "demux.h"
#include "packet.h"
#include "log.h"
#include "show.h"
#include "ikev2_send.h"		/* for send_v2_response_from_md() */
#include "ikev2.h"			/* for ikev2_decode_payloads() */
#include "ikev2_notification.h"	/* for emit_v2N() */
#include "ip_address.h"
#include "ip_endpoint.h"
#include "iface.h"			/* for struct iface_endpoint */
#include "ipsecconf/confread.h"		/* for struct keyword_value */

/*
 * Rate limits (ikev2_unprotected.c's buckets): replies (maker) and
 * verifications (taker), all sources and per source address.  Sized
 * so that a gateway that restarts with 1,000 tunnels answers every
 * peer's first probe within a second (RFC 6290 8.1: beyond that,
 * fall back to silence).
 */

#define QCD_MAX_RATE 1000000	/* per second */
#define QCD_REPLY_RATE_DEFAULT 1000
#define QCD_REPLY_PEER_RATE_DEFAULT 500
#define QCD_VERIFY_PEER_RATE_DEFAULT 500

/*
 * Per second; a bucket holds twice its rate (the burst).  config
 * setup's qcd-reply-rate=, qcd-reply-peer-rate= and
 * qcd-verify-peer-rate= override them; 0 turns that answer off.
 */
static struct {
	unsigned reply_rate;		/* unprotected replies, all sources */
	unsigned reply_peer_rate;	/* ... per source address */
	unsigned verify_peer_rate;	/* verifications per source address */
} qcd_limits = {
	.reply_rate = QCD_REPLY_RATE_DEFAULT,
	.reply_peer_rate = QCD_REPLY_PEER_RATE_DEFAULT,
	.verify_peer_rate = QCD_VERIFY_PEER_RATE_DEFAULT,
};

void config_qcd_rate_limit(enum qcd_rate_limit limit, const char *name,
			   const struct keyword_value *kv, struct logger *logger)
{
	unsigned *rate = (limit == QCD_REPLY_RATE ? &qcd_limits.reply_rate :
			  limit == QCD_REPLY_PEER_RATE ? &qcd_limits.reply_peer_rate :
			  limit == QCD_VERIFY_PEER_RATE ? &qcd_limits.verify_peer_rate :
			  NULL);
	if (PBAD(logger, rate == NULL) || !kv->set) {
		return;
	}
	if (kv->option < 0 || kv->option > QCD_MAX_RATE) {
		llog(RC_LOG, logger,
		     "%s=%jd is out of range (0 to %u); keeping %u",
		     name, kv->option, QCD_MAX_RATE, *rate);
		return;
	}
	*rate = kv->option;
}

void show_qcd_rate_limits(struct show *s)
{
	/* worded so that a grep for a counter group ("replies", "verify") misses it */
	show(s, "QCD rate limits: INVALID_IKE_SPI answers %u/s (burst %u) and %u/s (burst %u) per source; checks of such answers %u/s (burst %u) per source",
	     qcd_limits.reply_rate, 2 * qcd_limits.reply_rate,
	     qcd_limits.reply_peer_rate, 2 * qcd_limits.reply_peer_rate,
	     qcd_limits.verify_peer_rate, 2 * qcd_limits.verify_peer_rate);
}

/*
 * config setup, where upstream shows its own (ipsec status's "config
 * setup options", --globalstatus's config.setup.*): only when a limit
 * differs from its default, so that a pluto without them shows what
 * stock shows.
 */
void show_qcd_setup(struct show *s, bool globalstatus)
{
	if (qcd_limits.reply_rate == QCD_REPLY_RATE_DEFAULT &&
	    qcd_limits.reply_peer_rate == QCD_REPLY_PEER_RATE_DEFAULT &&
	    qcd_limits.verify_peer_rate == QCD_VERIFY_PEER_RATE_DEFAULT) {
		return;
	}
	if (globalstatus) {
		show(s, "config.setup.qcd.reply_rate=%u", qcd_limits.reply_rate);
		show(s, "config.setup.qcd.reply_peer_rate=%u", qcd_limits.reply_peer_rate);
		show(s, "config.setup.qcd.verify_peer_rate=%u", qcd_limits.verify_peer_rate);
	} else {
		show(s, "qcd-reply-rate=%u, qcd-reply-peer-rate=%u, qcd-verify-peer-rate=%u",
		     qcd_limits.reply_rate, qcd_limits.reply_peer_rate,
		     qcd_limits.verify_peer_rate);
	}
}

static bool reply_allowed(const struct msg_digest *md, monotime_t now)
{
	static struct rate_bucket global;
	static struct source_buckets sources;
	/*
	 * Per source first: one flooding source is stopped by its own
	 * bucket before it can drain the global one.
	 */
	ip_address source = endpoint_address(md->sender);
	return (take_source_rate_token(&sources, &source, 0,
				       qcd_limits.reply_peer_rate, now) &&
		take_rate_token(&global, qcd_limits.reply_rate, now));
}

static bool verify_allowed(const struct msg_digest *md, monotime_t now)
{
	static struct source_buckets sources;
	ip_address source = endpoint_address(md->sender);
	return take_source_rate_token(&sources, &source, 0,
				      qcd_limits.verify_peer_rate, now);
}

/*
 * RFC 6290 4.5.  Sending the Token in an Unprotected Message
 *
 *            message             --> N(INVALID_IKE_SPI), N(QCD_TOKEN)+
 *
 * RFC 7296 2.21.: the header copies the request's IKE SPIs, Exchange
 * Type and Message ID and sets R.  It sets I exactly when the
 * request's I was clear: the request then came from the original
 * responder, so we were the original initiator, and without I the
 * peer's lookup of its IKE SA by role would miss.
 * send_v2_response_from_md() builds it so.
 */

/*
 * RFC 6290 9.2.: "a token maker MUST NOT send a valid token for an
 * IKE SA that still exists".  The caller's lookup takes our role from
 * the request's I flag, so a request for a live IKE SA with that
 * flag flipped arrives here: v2_ike_spis_in_use() looks again, for
 * either role and for the new SPIs of an IKE SA rekey in progress.
 *
 * RFC 6290 6. (backup gateways) and ipsecme Issue 202: a standby
 * that shares the active gateway's secret must not become a token
 * oracle on an address of its own.  A maker answers only on an
 * address that one of its maker connections uses as its local
 * address (with the request's source as its peer, or any peer): the
 * service address that a standby takes over from the active gateway,
 * not its management address.  This also stops the answers once the
 * last maker connection is deleted.  When the connections found
 * disagree on qcd-address-bound=, the bound form wins: a token that
 * may be elicited from any address is what that option refuses.
 */

struct emit_v2_response_context {
	struct v2_qcd_answer answer;
};

static bool emit_v2_QUICK_CRASH_DETECTION_answer(struct pbs_out *pbs,
						 struct emit_v2_response_context *context)
{
	if (!emit_v2N(v2N_INVALID_IKE_SPI, pbs)) {
		return false;
	}
	for (unsigned i = 0; i < context->answer.nr_tokens; i++) {
		if (!emit_v2N_qcd_token(&context->answer.tokens[i], pbs)) {
			return false;
		}
	}
	return true;
}

bool process_v2_request_for_unknown_IKE_SPI(struct msg_digest *md)
{
	/*
	 * Only a "protected IKE request" (RFC 6290 4.5.): never a
	 * response, never an unprotected exchange (IKE_SA_INIT and
	 * IKE_SESSION_RESUME do not get here; checked again all the
	 * same), and the first payload must be SK or SKF.
	 */
	if (v2_msg_role(md) != MESSAGE_REQUEST ||
	    md->hdr.isa_xchg == ISAKMP_v2_IKE_SA_INIT ||
	    md->hdr.isa_xchg == ISAKMP_v2_IKE_SESSION_RESUME ||
	    (md->hdr.isa_np != ISAKMP_NEXT_v2SK &&
	     md->hdr.isa_np != ISAKMP_NEXT_v2SKF)) {
		return false;
	}
	if (!unprotected_input_enabled(QCD_MAKER) ||
	    !qcd_have_maker || !qcd_secret_usable(md->logger)) {
		return false;
	}

	/* the cheap checks first, each a hash lookup */
	enum_buf xb;
	ip_address local = endpoint_address(md->iface->local_endpoint);
	ip_address source = endpoint_address(md->sender);
	enum qcd_options maker = v2_qcd_options_on_host_pair(QCD_MAKER, local, source);
	if (maker == 0) {
		qcd_stats.replies_not_service++;
		address_buf ab;
		ldbg(md->logger, "QCD: no maker connection uses %s as its address; no token from here, dropped",
		     str_address(&local, &ab));
		return true;
	}

	if (v2_ike_spis_in_use(&md->hdr.isa_ike_spis)) {
		qcd_stats.replies_live_sa++;
		ldbg(md->logger, "QCD: %s request names the SPIs of an IKE SA we have, with the other role; no token for a live IKE SA (RFC 6290 9.2), dropped",
		     str_enum_short(&ikev2_exchange_names, md->hdr.isa_xchg, &xb));
		return true;
	}

	/* no answer longer than the request */
	size_t request_size = md->packet_pbs.roof - md->packet_pbs.start;
	if (request_size < QCD_ANSWER_SIZE(1)) {
		qcd_stats.replies_too_short++;
		ldbg(md->logger, "QCD: %s request of %zu octets is shorter than an answer with a token; dropped",
		     str_enum_short(&ikev2_exchange_names, md->hdr.isa_xchg, &xb), request_size);
		return true;
	}

	/* then the rate limits, before the tokens' HMACs */
	if (!reply_allowed(md, mononow())) {
		/* RFC 6290 8.1: too many, fall back to silence */
		qcd_stats.replies_rate_limited++;
		ldbg(md->logger, "QCD: rate limit reached; dropping %s request with unknown IKE SPIs silently",
		     str_enum_short(&ikev2_exchange_names, md->hdr.isa_xchg, &xb));
		return true;
	}

	/*
	 * One token per loaded secret generation, the current one
	 * first, as many as fit in the length of the request (no
	 * amplification; our own requests are padded to make room
	 * for all, v2_qcd_request_padding()); a generation that fails
	 * (NSS) is left out, not the whole answer.
	 */
	struct emit_v2_response_context context = {0};
	struct v2_qcd_answer *answer = &context.answer;
	for (unsigned g = 0; g < qcd_secret_generations() &&
		     QCD_ANSWER_SIZE(answer->nr_tokens + 1) <= request_size; g++) {
		if (make_qcd_token(g, &md->hdr.isa_ike_spis,
			       ((maker & QCD_ADDRESS_BOUND) ? &source : NULL),
			       &answer->tokens[answer->nr_tokens], md->logger)) {
			answer->nr_tokens++;
		} else {
			ldbg(md->logger, "QCD: secret generation %u cannot make a token (NSS error %d); left out",
			     g, PORT_GetError());
		}
	}
	unsigned tokens = answer->nr_tokens;
	bool sent = (tokens > 0 &&
		     send_v2_response_from_md(md, "QCD answer",
					      emit_v2_QUICK_CRASH_DETECTION_answer, &context));
	wipe_v2_qcd_answer(answer);
	if (!sent) {
		qcd_stats.replies_failed++;
		return false;
	}
	qcd_stats.replies_sent++;
	endpoint_buf eb;
	ldbg(md->logger, "QCD: answered %s request with unknown IKE SPIs from %s with INVALID_IKE_SPI and %u %stoken(s)",
	     str_enum_short(&ikev2_exchange_names, md->hdr.isa_xchg, &xb),
	     str_endpoint(&md->sender, &eb), tokens,
	     ((maker & QCD_ADDRESS_BOUND) ? "address-bound " : ""));
	return true;
}

/*
 * RFC 6290 4.5. (taker): "If the token is verified, the taker MUST
 * silently discard the IKE SA and all associated child SAs".
 *
 * Acceptance (the defence against a standby gateway being used as a
 * token oracle, ipsecme Issue 202): the reply must answer our
 * outstanding request (same Message ID and Exchange Type), come from
 * the address we sent that request to, carry INVALID_IKE_SPI, and one
 * of its at most four tokens must equal the stored one.  (RFC 6290 3.
 * lets any source address do; then anyone who can send a request
 * spoofed from our address to a standby that shares the peer's secret
 * could use its answer without seeing it.)
 */

void wipe_v2_qcd_answer(struct v2_qcd_answer *answer)
{
	for (unsigned i = 0; i < QCD_MAX_TOKENS; i++) {
		wipe_qcd_token(&answer->tokens[i]);
	}
	answer->nr_tokens = 0;
}

/*
 * The maker's answer, through pluto's payload decoder: Notify
 * payloads only, INVALID_IKE_SPI among them, and one to four tokens,
 * each with Protocol ID 1 (IKE), no SPI and 16 to 128 octets (RFC
 * 6290 4.1); other notifications are ignored.  NULL, or what is
 * wrong.
 */

const char *decode_v2_QUICK_CRASH_DETECTION_answer(struct msg_digest *md,
						   struct logger *logger,
						   struct v2_qcd_answer *answer)
{
	*answer = (struct v2_qcd_answer) {0};
	const char *diag = decode_v2_unprotected_notifies(md, logger);
	if (diag != NULL) {
		return diag;
	}
	if (md->pd[PD_v2N_INVALID_IKE_SPI] == NULL) {
		return "no INVALID_IKE_SPI notification";
	}
	for (const struct payload_digest *pd = md->chain[ISAKMP_NEXT_v2N];
	     pd != NULL; pd = pd->next) {
		const struct ikev2_notify *n = &pd->payload.v2n;
		if (n->isan_type != v2N_QUICK_CRASH_DETECTION) {
			continue;
		}
		if (n->isan_protoid != IKEv2_SEC_PROTO_IKE) {
			return "QUICK_CRASH_DETECTION Protocol ID is not 1 (IKE)";
		}
		if (n->isan_spisize != 0) {
			return "QUICK_CRASH_DETECTION SPI Size is not 0";
		}
		if (answer->nr_tokens >= QCD_MAX_TOKENS) {
			return "more than 4 QUICK_CRASH_DETECTION tokens";
		}
		if (!qcd_token_from_shunk(pbs_in_left(&pd->pbs),
					  &answer->tokens[answer->nr_tokens])) {
			return "QUICK_CRASH_DETECTION token is not 16 to 128 octets";
		}
		answer->nr_tokens++;
	}
	if (answer->nr_tokens == 0) {
		return "no QUICK_CRASH_DETECTION token";
	}
	return NULL;
}

bool process_v2_unprotected_response_QUICK_CRASH_DETECTION(struct ike_sa **ike,
							   struct msg_digest *md)
{
	if (md->hdr.isa_np == ISAKMP_NEXT_v2SK ||
	    md->hdr.isa_np == ISAKMP_NEXT_v2SKF) {
		return false;
	}
	bool taker = (ike_qcd(*ike) & QCD_TAKER);
	bool sir = ((*ike)->sa.st_connection->config->qcd & QCD_SIR);
	if (!taker && !sir) {
		/* not ours; upstream drops it as before */
		return false;
	}
	struct logger *logger = (*ike)->sa.logger;

	/*
	 * The cheap checks that tell a possible answer from junk come
	 * first; only what passes them is charged to the rate limit
	 * and to the request's examination cap, so that junk cannot
	 * use up either before the real answer arrives.
	 */

	/* an answer to our outstanding request? */
	const struct v2_msgid_window *w = &(*ike)->sa.st_v2_msgid_windows.initiator;
	if (w->sent <= w->recv || md->hdr.isa_msgid != w->sent ||
	    w->exchange == NULL || w->exchange->type != md->hdr.isa_xchg) {
		enum_buf xb;
		qcd_stats.verify_unsolicited++;
		ldbg(logger, "QCD: ignoring unprotected %s response with Message ID %u: no such outstanding request",
		     str_enum_short(&ikev2_exchange_names, md->hdr.isa_xchg, &xb),
		     md->hdr.isa_msgid);
		return true;
	}

	/*
	 * From the peer?  We sent the request to the IKE SA's remote
	 * endpoint; its answer comes from that address (behind a NAT,
	 * the NAT's; after a MOBIKE update, the new one).  An answer
	 * from anywhere else was elicited by someone else, e.g. with a
	 * request spoofed from our address to a standby that shares
	 * the peer's secret.
	 */
	ip_address peer = endpoint_address((*ike)->sa.st_remote_endpoint);
	if (!address_eq_address(endpoint_address(md->sender), peer)) {
		qcd_stats.verify_not_peer++;
		endpoint_buf eb;
		ldbg(logger, "QCD: ignoring unprotected response from %s: not the peer's address",
		     str_endpoint(&md->sender, &eb));
		return true;
	}

	/*
	 * With sir=yes and no QCD, the peer's address is asked,
	 * statelessly, whether it has the IKE SA (a gateway behind a
	 * load balancer that does not share our peer's secret answers
	 * with a token of its own, or with none).
	 */
	if (!taker) {
		if (state_loss_examine_allowed(*ike, md->hdr.isa_msgid)) {
			state_loss_unverifiable(*ike, "unprotected answer to our request, and not a QCD taker");
		}
		return true;
	}

	struct v2_qcd_answer reply;
	const char *diag = decode_v2_QUICK_CRASH_DETECTION_answer(md, logger, &reply);
	if (diag != NULL) {
		qcd_stats.verify_malformed++;
		ldbg(logger, "QCD: ignoring unprotected response: %s", diag);
		wipe_v2_qcd_answer(&reply);
		state_loss_unverifiable(*ike, "unprotected answer to our request without a QCD token");
		return true;
	}

	/* a spray of well-formed replies to one request gets nowhere */
	if (!state_loss_examine_allowed(*ike, md->hdr.isa_msgid)) {
		wipe_v2_qcd_answer(&reply);
		return true;
	}
	if (!verify_allowed(md, mononow())) {
		qcd_stats.verify_rate_limited++;
		ldbg(logger, "QCD: verification rate limit reached; dropping unprotected response");
		wipe_v2_qcd_answer(&reply);
		return true;
	}

	if (!v2_qcd_have_peer_token(&(*ike)->sa)) {
		qcd_stats.verify_no_token++;
		ldbg(logger, "QCD: ignoring INVALID_IKE_SPI with a token: the peer gave us no token");
		wipe_v2_qcd_answer(&reply);
		state_loss_unverifiable(*ike, "INVALID_IKE_SPI, and the peer gave us no QCD token");
		return true;
	}

	/* compare with every token, no early exit */
	bool match = false;
	for (unsigned i = 0; i < reply.nr_tokens; i++) {
		match |= qcd_token_matches(&reply.tokens[i], &(*ike)->sa.st_v2_qcd->peer_token, logger);
	}
	wipe_v2_qcd_answer(&reply);

	if (!match) {
		qcd_stats.verify_failed++;
		ldbg(logger, "QCD: token mismatch in unprotected INVALID_IKE_SPI response; ignored (the request keeps retransmitting)");
		state_loss_unverifiable(*ike, "INVALID_IKE_SPI with a token that does not verify");
		return true;
	}

	qcd_stats.verified++;
	ldbg(logger, "QCD: token verified");
	/* the decision (window, dampening) is not ours */
	state_loss_evidence(ike, STATE_LOSS_QCD_TOKEN, md);
	return true;
}

