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
 *
 * RFC 6290 3.  Protocol Outline:
 *
 *   Supporting implementations will send a notification, called a "QCD
 *   token", as described in Section 4.1 in the first IKE_AUTH exchange
 *   messages.  These are the first IKE_AUTH request and final IKE_AUTH
 *   response that contain the AUTH payloads. [...]  If a token maker
 *   receives a protected IKE request with unknown IKE SPIs, it SHOULD
 *   generate a new token that is identical to the previous token, and
 *   send it to the requesting peer in an unprotected IKE message.
 *
 * Roles, decided per connection with qcd=no|yes|maker|taker:
 *
 * - maker: gives the peer a token, HMAC-SHA2-256(QCD_SECRET, SPIi |
 *   SPIr), computed inside NSS from a persistent key (nickname
 *   "qcd-secret") that never leaves the NSS database; after losing
 *   its state it answers the peer's protected requests with
 *   N(INVALID_IKE_SPI), N(QUICK_CRASH_DETECTION), rate limited.
 *
 * - taker: keeps the peer's token with the IKE SA; an unprotected
 *   reply that answers an outstanding request of ours and carries the
 *   stored token proves that the peer lost its state: delete the IKE
 *   SA and its Child SAs without a Delete and revive the connection at
 *   once, as a liveness timeout would, a minute earlier.
 *
 * What an unauthenticated packet can cause here is a debug line and
 * a counter (the decision module logs, at operator level, a decision
 * it took and evidence that a protected message proved forged), and
 * every reply to one is rate limited.  Token bytes are never logged:
 * only a fingerprint.
 */

#include "defs.h"

#include "ikev2_qcd.h"
#include "ikev2_state_loss.h"
#include "ikev2_unprotected.h"
#include "qcd_secret.h"

#include "state.h"
#include "connections.h"
#include "demux.h"
#include "packet.h"
#include "log.h"
#include "show.h"
#include "send.h"
#include "ikev2_send.h"		/* for send_v2_response_from_md() */
#include "ikev2.h"
#include "ikev2_msgid.h"
#include "ikev2_notification.h"
#include "ikev2_informational.h"
#include "ikev2_states.h"
#include "terminate.h"
#include "impair.h"
#include "ip_address.h"
#include "ip_endpoint.h"
#include "iface.h"			/* for struct iface_endpoint */
#include "orient.h"			/* for oriented() */
#include "monotime.h"
#include "ipsecconf/confread.h"		/* for struct keyword_value */

/*
 * Counters: ipsec whack --qcd-status and --globalstatus.
 */

static struct {
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

void clear_qcd_stats(void)
{
	zero(&qcd_stats);
	clear_state_loss_stats();
	clear_unprotected_stats();
}

static enum qcd_options st_qcd(const struct state *st)
{
	return st->st_connection->config->qcd & QCD_ROLES;
}

static enum qcd_options ike_qcd(const struct ike_sa *ike)
{
	return st_qcd(&ike->sa);
}

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

size_t v2_qcd_request_padding(const struct ike_sa *ike, shunk_t message, size_t padding)
{
	const uint8_t *hdr = message.ptr;
	if (!(ike_qcd(ike) & QCD_TAKER) ||
	    message.len < NSIZEOF_isakmp_hdr ||
	    (hdr[IKE_HEADER_FLAGS_OFFSET] & ISAKMP_FLAGS_v2_MSG_R)) {
		return 0;
	}
	/* (the integrity checksum still to come only makes it longer) */
	size_t len = message.len + padding;
	if (len >= QCD_MAX_ANSWER_SIZE) {
		return 0;
	}
	size_t extra = QCD_MAX_ANSWER_SIZE - len;
	const struct encrypt_desc *encrypt = ike->sa.st_oakley.ta_encrypt;
	size_t block = (encrypt->pad_to_blocksize ? encrypt->enc_blocksize : 1);
	extra = (extra + block - 1) / block * block;
	/* the Pad Length octet counts at most 255 octets of padding */
	while (padding + extra > 256 && extra >= block) {
		extra -= block;
	}
	return extra;
}

/* a loaded connection has the maker role */
static bool have_maker;

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

static struct v2_qcd *qcd_of(struct state *st)
{
	if (st->st_v2_qcd == NULL) {
		st->st_v2_qcd = alloc_thing(struct v2_qcd, "QCD state");
	}
	return st->st_v2_qcd;
}

static bool token_sent(const struct state *st)
{
	return (st->st_v2_qcd != NULL && st->st_v2_qcd->token_sent);
}

/* does the IKE SA hold its peer's token? */
static bool v2_qcd_have_peer_token(const struct state *st)
{
	return (st->st_v2_qcd != NULL && !is_monotime_epoch(st->st_v2_qcd->peer_token_time));
}

/* is the generation that made ST's token still loaded? */
static bool token_key_loaded(const struct state *st)
{
	return qcd_secret_id_loaded(st->st_v2_qcd->token_key_id);
}

void qcd_connection_loaded(enum qcd_options qcd, struct logger *logger)
{
	unprotected_connection_added(qcd);
	if (qcd & QCD_MAKER) {
		have_maker = true;
		qcd_secret_usable(logger);
	}
}

void free_qcd(void)
{
	free_qcd_secret();
}

/*
 * ipsec rereadsecrets: look the secret up again, e.g. after "ipsec
 * qcdsecret --rollover".  RFC 6290 4.4.: "the token maker SHOULD NOT
 * send replacement tokens unless the earlier ones can no longer be
 * produced"; the older generations stay in the unprotected replies,
 * so only an established IKE SA of a maker whose token was made by a
 * generation no longer loaded (dropped after three more rollovers)
 * gets a new token, in an INFORMATIONAL exchange.
 */

void reload_qcd_secret(struct logger *logger)
{
	if (!have_maker) {
		return;
	}
	if (!reload_qcd_secret_keys(logger)) {
		ldbg(logger, "QCD: secret unchanged");
		return;
	}

	unsigned peers = 0;
	struct state_filter sf = {
		.search = {
			.order = OLD2NEW,
			.verbose.logger = logger,
			.where = HERE,
		},
	};
	while (next_state(&sf)) {
		struct state *st = sf.st;
		if (st->st_ike_version == IKEv2 && IS_IKE_SA_ESTABLISHED(st) &&
		    (st_qcd(st) & QCD_MAKER) && token_sent(st) &&
		    !token_key_loaded(st)) {
			if (submit_v2_QUICK_CRASH_DETECTION_exchange(pexpect_ike_sa(st))) {
				peers++;
			}
		}
	}
	LLOG_JAMBUF(RC_LOG, logger, buf) {
		jam_qcd_secret_reloaded(buf);
		jam(buf, "; new tokens for %u peer%s whose token%s no longer produced",
		    peers, (peers == 1 ? "" : "s"), (peers == 1 ? " is" : "s are"));
	}
}

/*
 * RFC 6290 4.1: N(QUICK_CRASH_DETECTION), Protocol ID 1 (IKE), no
 * SPI, the token as its data.
 */
static bool emit_v2N_token(const struct qcd_token *token, struct pbs_out *outs)
{
	struct pbs_out pl;
	if (!open_v2N_SA_output_pbs(outs, v2N_QUICK_CRASH_DETECTION,
				    IKEv2_SEC_PROTO_IKE, NULL, &pl)) {
		return false;
	}
	/*
	 * Not pbs_out_raw(): with debugging that would dump the token
	 * into the log.  Reserve the space, then fill it.
	 */
	if (!pbs_out_zero(&pl, token->len, "QCD token")) {
		return false;
	}
	memcpy(pl.cur - token->len, token->ptr, token->len);
	close_output_pbs(&pl);
	return true;
}

/*
 * The taker address a token is bound to (RFC 6290 5.2) as octets:
 * empty for the unbound form of 5.1.
 */
static shunk_t token_binding(const ip_address *taker)
{
	return (taker == NULL || !address_is_specified(*taker) ? empty_shunk :
		address_as_shunk(taker));
}

/*
 * Our token for SPIS from secret generation G (0 = current), bound to
 * TAKER unless that is NULL, impaired as asked.
 */
static bool make_token(unsigned g, const ike_spis_t *spis, const ip_address *taker,
		       struct qcd_token *token, struct logger *logger)
{
	if (!qcd_secret_usable(logger) ||
	    !qcd_secret_token(g, spis, token_binding(taker), token, logger)) {
		return false;
	}
	if (impair.qcd_bogus_token) {
		llog(RC_LOG, logger, "IMPAIR: sending a bogus QCD token");
		token->ptr[0] ^= 0xff;
	}
	return true;
}

/*
 * Our token for the IKE SA with SPIS, owned by state ST (the IKE SA,
 * or the larval IKE SA of a rekey).
 */

static bool emit_our_token(struct state *st, const ike_spis_t *spis,
			   struct pbs_out *pbs)
{
	if (!(st_qcd(st) & QCD_MAKER)) {
		return true;
	}
	if (impair.omit_v2_notification.enabled &&
	    impair.omit_v2_notification.value == v2N_QUICK_CRASH_DETECTION) {
		llog(RC_LOG, st->logger, "IMPAIR: omitting QUICK_CRASH_DETECTION notification");
		return true;
	}
	/*
	 * RFC 6290 5.2.: an address-bound token includes the taker's
	 * address as we see it (behind a NAT, the NAT's); the
	 * unprotected reply binds to the request's source address.
	 */
	ip_address taker = ((st->st_connection->config->qcd & QCD_ADDRESS_BOUND) ?
			    endpoint_address(st->st_remote_endpoint) : unset_address);
	struct qcd_token token;
	if (!make_token(0, spis, &taker, &token, st->logger)) {
		/* no secret (already logged): taker only */
		return true;
	}
	bool ok = emit_v2N_token(&token, pbs);
	if (ok) {
		qcd_fingerprint_buf fb;
		address_buf ab;
		ldbg(st->logger, "QCD: sent our token (fingerprint %s%s%s)",
		     str_qcd_fingerprint(&token, &fb, st->logger),
		     (address_is_specified(taker) ? ", bound to " : ""),
		     (address_is_specified(taker) ? str_address(&taker, &ab) : ""));
		struct v2_qcd *q = qcd_of(st);
		q->token_sent = true;
		q->token_address = taker;
		q->token_key_id = qcd_secret_id(0);
		qcd_stats.tokens_sent++;
	}
	wipe_qcd_token(&token);
	return ok;
}

/*
 * RFC 6290 4.2.  Token in the Initial Exchanges
 */

bool emit_v2N_QUICK_CRASH_DETECTION(struct ike_sa *ike, struct pbs_out *pbs)
{
	return emit_our_token(&ike->sa, &ike->sa.st_ike_spis, pbs);
}

/*
 * RFC 6290 5.2.: "If the token taker's IP address changes, ... the
 * token maker ... sends a new token".  MOBIKE (RFC 4555) moves only
 * the initiator's address, so the maker that sees its taker move is
 * the MOBIKE responder: it adds the replacement, bound to the new
 * address, to its response to UPDATE_SA_ADDRESSES (any protected
 * message will do, RFC 6290 4.4.).
 */

bool emit_v2N_QUICK_CRASH_DETECTION_for_new_address(struct ike_sa *ike,
						    struct pbs_out *pbs)
{
	if (!(ike->sa.st_connection->config->qcd & QCD_ADDRESS_BOUND) ||
	    !token_sent(&ike->sa)) {
		return true;
	}
	ip_address now = endpoint_address(ike->sa.st_remote_endpoint);
	if (address_eq_address(now, ike->sa.st_v2_qcd->token_address)) {
		return true;
	}
	address_buf ob, nb;
	ldbg(ike->sa.logger, "QCD: the peer moved from %s to %s; sending a token bound to its new address",
	     str_address(&ike->sa.st_v2_qcd->token_address, &ob), str_address(&now, &nb));
	qcd_stats.tokens_replaced++;
	return emit_our_token(&ike->sa, &ike->sa.st_ike_spis, pbs);
}

/*
 * RFC 6290 4.3.  Replacing Tokens after Rekey or Resumption
 *
 *      request             --> SA, Ni, [KEi]
 *      response            <-- SA, Nr, [KEr], N(QCD_TOKEN)
 *
 * The rekey responder knows both new SPIs when it builds the
 * response; the token belongs to the new IKE SA, still larval.
 */

bool emit_v2N_QUICK_CRASH_DETECTION_for_rekey(struct child_sa *larval_ike,
					      struct pbs_out *pbs)
{
	return emit_our_token(&larval_ike->sa, &larval_ike->sa.st_ike_rekey_spis, pbs);
}

/*
 * RFC 6290 3.: "A token taker MUST store the token or a digest of
 * the token", 4.4.: "The token taker MUST accept such tokens from
 * any protected exchange".  The latest message's wins; in one
 * message, the first (pluto's decoder keeps the first notification
 * of a type).
 */

static void store_peer_token(struct state *st, struct msg_digest *md)
{
	const struct payload_digest *pd = md->pd[PD_v2N_QUICK_CRASH_DETECTION];
	if (pd == NULL) {
		return;
	}
	const struct ikev2_notify *n = &pd->payload.v2n;
	struct qcd_token token;
	if (n->isan_protoid != IKEv2_SEC_PROTO_IKE || n->isan_spisize != 0 ||
	    !qcd_token_from_shunk(pbs_in_left(&pd->pbs), &token)) {
		ldbg(st->logger, "QCD: ignoring malformed QUICK_CRASH_DETECTION notification (Protocol ID %u, SPI size %u, %zu octets)",
		     n->isan_protoid, n->isan_spisize, pbs_left(&pd->pbs));
		qcd_stats.tokens_malformed++;
		return;
	}
	struct qcd_digest digest;
	bool ok = qcd_token_digest(&token, &digest, st->logger);
	wipe_qcd_token(&token);
	if (!ok) {
		llog(RC_LOG, st->logger, "QCD: NSS could not digest the peer's token; keeping the previous one");
		return;
	}
	struct v2_qcd *q = qcd_of(st);
	q->peer_token = digest;
	q->peer_token_time = mononow();
	qcd_fingerprint_buf fb;
	ldbg(st->logger, "QCD: stored the peer's token (fingerprint %s)",
	     str_qcd_digest_fingerprint(&q->peer_token, &fb));
	qcd_stats.tokens_stored++;
	state_loss_peer_token_stored(st);
}

void process_v2N_QUICK_CRASH_DETECTION(struct ike_sa *ike, struct msg_digest *md)
{
	if (!(ike_qcd(ike) & QCD_TAKER)) {
		return;
	}
	/*
	 * A token in a CREATE_CHILD_SA belongs to the new SPIs of a
	 * rekeyed IKE SA, not to this one (RFC 6290 4.3); the rekey
	 * code hands it to the larval IKE SA
	 * (process_v2N_QUICK_CRASH_DETECTION_for_rekey()).
	 */
	if (md->hdr.isa_xchg != ISAKMP_v2_IKE_AUTH &&
	    md->hdr.isa_xchg != ISAKMP_v2_INFORMATIONAL) {
		return;
	}
	store_peer_token(&ike->sa, md);
}

void process_v2N_QUICK_CRASH_DETECTION_for_rekey(struct child_sa *larval_ike,
						 struct msg_digest *md)
{
	if (!(st_qcd(&larval_ike->sa) & QCD_TAKER)) {
		return;
	}
	store_peer_token(&larval_ike->sa, md);
}

/*
 * RFC 6290 4.3.: "If the initiator is also a token maker, it SHOULD
 * initiate an INFORMATIONAL exchange immediately after the rekey":
 *
 *      request             --> N(QCD_TOKEN)
 *      response            <--
 *
 * Any IKEv2 responder answers it (libreswan's generic INFORMATIONAL
 * responder does, with an empty response); a taker keeps the token.
 */

static bool emit_v2_INFORMATIONAL_QUICK_CRASH_DETECTION_payloads(struct ike_sa *ike,
								 struct child_sa *null_child UNUSED,
								 struct pbs_out *pbs)
{
	return emit_v2N_QUICK_CRASH_DETECTION(ike, pbs);
}

static stf_status initiate_v2_INFORMATIONAL_QUICK_CRASH_DETECTION_request(struct ike_sa *ike,
									 struct child_sa *null_child,
									 struct msg_digest *null_md)
{
	PEXPECT(ike->sa.logger, null_child == NULL);
	PEXPECT(ike->sa.logger, null_md == NULL);
	if (!record_v2_INFORMATIONAL_request("QCD token informational request",
					     ike->sa.logger, ike, /*child*/NULL,
					     emit_v2_INFORMATIONAL_QUICK_CRASH_DETECTION_payloads)) {
		return STF_INTERNAL_ERROR;
	}
	return STF_OK;
}

static stf_status process_v2_INFORMATIONAL_QUICK_CRASH_DETECTION_response(struct ike_sa *ike,
									 struct child_sa *null_child,
									 struct msg_digest *md)
{
	PEXPECT(ike->sa.logger, null_child == NULL);
	PEXPECT(ike->sa.logger, md != NULL);
	ldbg(ike->sa.logger, "QCD: peer acknowledged our token");
	return STF_OK;
}

static const struct v2_transition v2_INFORMATIONAL_QUICK_CRASH_DETECTION_initiate_transition = {
	.story = "send QCD token",
	.to = &state_v2_ESTABLISHED_IKE_SA,
	.exchange = ISAKMP_v2_INFORMATIONAL,
	.processor = initiate_v2_INFORMATIONAL_QUICK_CRASH_DETECTION_request,
	.llog_success = ldbg_v2_success,
	.timeout_event = EVENT_RETAIN,
};

static const struct v2_transition v2_INFORMATIONAL_QUICK_CRASH_DETECTION_response_transition[] = {
	{ .story      = "Informational Response (QCD token)",
	  .to = &state_v2_ESTABLISHED_IKE_SA,
	  .exchange   = ISAKMP_v2_INFORMATIONAL,
	  .recv_role  = MESSAGE_RESPONSE,
	  .message_payloads.required = v2P(SK),
	  .encrypted_payloads.optional = v2P(N),
	  .processor  = process_v2_INFORMATIONAL_QUICK_CRASH_DETECTION_response,
	  .llog_success = ldbg_v2_success,
	  .timeout_event = EVENT_RETAIN, },
};

static const struct v2_transitions v2_INFORMATIONAL_QUICK_CRASH_DETECTION_response_transitions = {
	ARRAY_REF(v2_INFORMATIONAL_QUICK_CRASH_DETECTION_response_transition),
};

static const struct v2_exchange v2_INFORMATIONAL_QUICK_CRASH_DETECTION_exchange = {
	.type = ISAKMP_v2_INFORMATIONAL,
	.subplot = "QCD token",
	.secured = true,
	.initiate.from = { &state_v2_ESTABLISHED_IKE_SA, },
	.initiate.transition = &v2_INFORMATIONAL_QUICK_CRASH_DETECTION_initiate_transition,
	/* the generic INFORMATIONAL responder answers it */
	.response = &v2_INFORMATIONAL_QUICK_CRASH_DETECTION_response_transitions,
};

bool submit_v2_QUICK_CRASH_DETECTION_exchange(struct ike_sa *ike)
{
	if (ike == NULL || !(ike_qcd(ike) & QCD_MAKER) ||
	    !qcd_secret_usable(ike->sa.logger)) {
		return false;
	}
	const struct v2_exchange *exchange = &v2_INFORMATIONAL_QUICK_CRASH_DETECTION_exchange;
	if (!v2_ike_sa_can_initiate_exchange(ike, exchange)) {
		ldbg(ike->sa.logger, "QCD: IKE SA cannot send its token now");
		return false;
	}
	v2_msgid_queue_exchange(ike, NULL, exchange);
	return true;
}

void wipe_v2_qcd_state(struct state *st)
{
	if (st->st_v2_qcd != NULL) {
		memset(st->st_v2_qcd, 0, sizeof(*st->st_v2_qcd));
		pfreeany(st->st_v2_qcd);
	}
}

/*
 * Rate limits (ikev2_unprotected.c's buckets): replies (maker) and
 * verifications (taker), all sources and per source address.  Sized
 * so that a gateway that restarts with 1,000 tunnels answers every
 * peer's first probe within a second (RFC 6290 8.1: beyond that,
 * fall back to silence).
 */

#define QCD_MAX_RATE 1000000	/* per second */

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
	.reply_rate = 1000,
	.reply_peer_rate = 500,
	.verify_peer_rate = 500,
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
		if (!emit_v2N_token(&context->answer.tokens[i], pbs)) {
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
	    !have_maker || !qcd_secret_usable(md->logger)) {
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
		if (make_token(g, &md->hdr.isa_ike_spis,
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
	md->message_payloads = ikev2_decode_payloads(logger, md, &md->message_pbs,
						     md->hdr.isa_np);
	if (md->message_payloads.n != v2N_NOTHING_WRONG) {
		return "payloads do not decode";
	}
	if (md->message_payloads.present != v2P(N)) {
		return "payload other than Notify";
	}
	if (pbs_left(&md->message_pbs) != 0) {
		return "trailing bytes after the last payload";
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

/*
 * ipsec whack --qcd-status
 */

static void jam_roles(struct jambuf *buf, enum qcd_options roles)
{
	jam_string(buf, (roles == QCD_YES ? "maker+taker" :
			 roles == QCD_MAKER ? "maker" :
			 roles == QCD_TAKER ? "taker" : "none"));
}

void show_qcd_stats(struct show *s)
{
	show(s, "total.qcd.tokens.sent=%ju", qcd_stats.tokens_sent);
	show(s, "total.qcd.tokens.stored=%ju", qcd_stats.tokens_stored);
	show(s, "total.qcd.tokens.malformed=%ju", qcd_stats.tokens_malformed);
	show(s, "total.qcd.tokens.replaced=%ju", qcd_stats.tokens_replaced);
	show(s, "total.qcd.replies.sent=%ju", qcd_stats.replies_sent);
	show(s, "total.qcd.replies.rate_limited=%ju", qcd_stats.replies_rate_limited);
	show(s, "total.qcd.replies.failed=%ju", qcd_stats.replies_failed);
	show(s, "total.qcd.replies.live_sa=%ju", qcd_stats.replies_live_sa);
	show(s, "total.qcd.replies.not_service=%ju", qcd_stats.replies_not_service);
	show(s, "total.qcd.replies.too_short=%ju", qcd_stats.replies_too_short);
	show(s, "total.qcd.verify.ok=%ju", qcd_stats.verified);
	show(s, "total.qcd.verify.failed=%ju", qcd_stats.verify_failed);
	show(s, "total.qcd.verify.unsolicited=%ju", qcd_stats.verify_unsolicited);
	show(s, "total.qcd.verify.not_peer=%ju", qcd_stats.verify_not_peer);
	show(s, "total.qcd.verify.no_token=%ju", qcd_stats.verify_no_token);
	show(s, "total.qcd.verify.malformed=%ju", qcd_stats.verify_malformed);
	show(s, "total.qcd.verify.rate_limited=%ju", qcd_stats.verify_rate_limited);
	show_state_loss_stats(s);
	show_unprotected_stats(s);
}

void whack_qcd_status(struct show *s)
{
	SHOW_JAMBUF(s, buf) {
		jam_string(buf, "QCD (RFC 6290) secret: ");
		jam_qcd_secret_status(buf);
	}
	/* worded so that a grep for a counter group ("replies", "verify") misses it */
	show(s, "QCD rate limits: INVALID_IKE_SPI answers %u/s (burst %u) and %u/s (burst %u) per source; checks of such answers %u/s (burst %u) per source",
	     qcd_limits.reply_rate, 2 * qcd_limits.reply_rate,
	     qcd_limits.reply_peer_rate, 2 * qcd_limits.reply_peer_rate,
	     qcd_limits.verify_peer_rate, 2 * qcd_limits.verify_peer_rate);
	struct state_filter sf = {
		.search = {
			.order = OLD2NEW,
			.verbose.logger = show_logger(s),
			.where = HERE,
		},
	};
	monotime_t now = mononow();
	while (next_state(&sf)) {
		struct state *st = sf.st;
		if (st->st_ike_version != IKEv2 || !IS_IKE_SA(st)) {
			continue;
		}
		struct ike_sa *ike = pexpect_ike_sa(st);
		if (ike == NULL) {
			continue;
		}
		struct connection *c = st->st_connection;
		enum qcd_options roles = ike_qcd(ike);
		SHOW_JAMBUF(s, buf) {
			jam(buf, PRI_SO": \"%s\"", pri_so(st->st_serialno), c->name);
			jam_string(buf, ", roles=");
			jam_roles(buf, roles);
			jam_string(buf, ", sent-token=");
			struct qcd_token ours;
			/* (not make_token(): no impair, no log line) */
			if (token_sent(st) &&
			    qcd_secret_token(0, &st->st_ike_spis,
					     token_binding(&st->st_v2_qcd->token_address),
					     &ours, st->logger)) {
				/* what the peer should hold; compare with its peer-token */
				qcd_fingerprint_buf fb;
				jam(buf, "yes, fingerprint=%s", str_qcd_fingerprint(&ours, &fb, st->logger));
				if (address_is_specified(st->st_v2_qcd->token_address)) {
					jam_string(buf, ", bound-to=");
					jam_address(buf, &st->st_v2_qcd->token_address);
				}
				wipe_qcd_token(&ours);
			} else {
				jam_string(buf, token_sent(st) ? "yes" : "no");
			}
			jam_string(buf, ", peer-token=");
			if (v2_qcd_have_peer_token(st)) {
				qcd_fingerprint_buf fb;
				deltatime_buf db;
				jam(buf, "yes, fingerprint=%s, age=%ss",
				    str_qcd_digest_fingerprint(&st->st_v2_qcd->peer_token, &fb),
				    str_deltatime(monotime_diff(now, st->st_v2_qcd->peer_token_time), &db));
			} else {
				jam_string(buf, "no");
			}
		}
	}
	show_qcd_stats(s);
}

/*
 * Packet dumps.  pluto dumps every packet it sends or receives with
 * plutodebug on; in an unprotected QCD reply that would put the
 * token, in the clear, into the maker's and the taker's logs (a
 * standby's reply carries the token of an SA that may still be
 * alive).  Dump a copy with the tokens zeroed instead.
 */

void ldbg_packet_without_qcd_tokens(const struct logger *logger, shunk_t packet)
{
	if (packet.len == 0) {
		return;
	}
	uint8_t *masked = alloc_bytes(packet.len, "QCD packet dump");
	size_t len = qcd_mask_tokens(packet, masked, packet.len);
	if (len == 0) {
		llog_dump_hunk(DEBUG_STREAM, logger, packet);
	} else {
		llog(DEBUG_STREAM, logger, "(QUICK_CRASH_DETECTION token octets shown as zeros)");
		llog_dump(DEBUG_STREAM, logger, masked, len);
	}
	pfree(masked);
}
