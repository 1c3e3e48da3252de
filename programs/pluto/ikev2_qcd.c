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
#include "ikev2.h"
#include "ikev2_msgid.h"
#include "ikev2_notification.h"
#include "ikev2_informational.h"
#include "ikev2_states.h"
#include "terminate.h"
#include "impair.h"
#include "ip_address.h"
#include "ip_endpoint.h"
#include "monotime.h"

/*
 * Counters: ipsec whack --qcd-status and --globalstatus.
 */

struct qcd_stats qcd_stats;

void clear_qcd_stats(void)
{
	zero(&qcd_stats);
	clear_state_loss_stats();
	clear_unprotected_stats();
}

enum qcd_options st_qcd(const struct state *st)
{
	return st->st_connection->config->qcd & QCD_ROLES;
}

enum qcd_options ike_qcd(const struct ike_sa *ike)
{
	return st_qcd(&ike->sa);
}

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

bool qcd_have_maker;

struct v2_qcd *qcd_of(struct state *st)
{
	if (st->st_v2_qcd == NULL) {
		st->st_v2_qcd = alloc_thing(struct v2_qcd, "QCD state");
	}
	return st->st_v2_qcd;
}

bool qcd_token_sent(const struct state *st)
{
	return (st->st_v2_qcd != NULL && st->st_v2_qcd->token_sent);
}

bool v2_qcd_have_peer_token(const struct state *st)
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
		qcd_have_maker = true;
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
	if (!qcd_have_maker) {
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
		    (st_qcd(st) & QCD_MAKER) && qcd_token_sent(st) &&
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
bool emit_v2N_qcd_token(const struct qcd_token *token, struct pbs_out *outs)
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
shunk_t qcd_token_binding(const ip_address *taker)
{
	return (taker == NULL || !address_is_specified(*taker) ? empty_shunk :
		address_as_shunk(taker));
}

/*
 * Our token for SPIS from secret generation G (0 = current), bound to
 * TAKER unless that is NULL, impaired as asked.
 */
bool make_qcd_token(unsigned g, const ike_spis_t *spis, const ip_address *taker,
		       struct qcd_token *token, struct logger *logger)
{
	if (!qcd_secret_usable(logger) ||
	    !qcd_secret_token(g, spis, qcd_token_binding(taker), token, logger)) {
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
	if (!make_qcd_token(0, spis, &taker, &token, st->logger)) {
		/* no secret (already logged): taker only */
		return true;
	}
	bool ok = emit_v2N_qcd_token(&token, pbs);
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
	    !qcd_token_sent(&ike->sa)) {
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
