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
 *
 * QCD tokens need the secret that made them.  Gateways behind a load
 * balancer that share an address but no secret (a token from one
 * does not verify at the peer of another) need another way to say
 * "I do not have that IKE SA": the stateless SPI check of the SIR
 * proposal (RFC 6290 9.2).  Its wire format was never published;
 * ours is below and in docs/sir.md; it is experimental.
 *
 * Querier (the survivor, sir=yes): when the peer answers our
 * request without a valid token, or an INVALID_SPI hint comes from a
 * peer that gave no token, it sends, unprotected, CHECK_SPI naming
 * the IKE SA's SPIs with a cookie only it can make (a MAC, keyed
 * with a random secret of this pluto's, over the SPIs, the peer's
 * address and the time); an answer must echo it, so only someone
 * who saw the query can answer it.  The answers go to the decision
 * module (ikev2_state_loss.c), which waits 2 x RTT and acts, by
 * make-before-break, only on a NACK with no ACK and no protected
 * message.
 *
 * Answerer (the restarted gateway, a sir=yes connection on the address
 * the query came to, whose peer is the query's source or %any):
 * stateless, before any Message ID check; rate limited; ACK when any
 * IKE SA of ours (either role, rekeys in progress included) has the
 * SPIs, NACK otherwise.  The answer is as long as the query: no
 * amplification.
 */

#include "defs.h"

#include "ikev2_sir.h"
#include "ikev2_unprotected.h"
#include "ikev2_state_loss.h"
#include "sir_cookie.h"
#include "qcd_options.h"

#include "state.h"
#include "connections.h"
#include "demux.h"
#include "log.h"
#include "show.h"
#include "send.h"			/* for send_pbs_out_using_state() */
#include "packet.h"
#include "ikev2.h"			/* for ikev2_decode_payloads() */
#include "ikev2_send.h"			/* for send_v2_response_from_md() */
#include "ikev2_notification.h"		/* for open_v2N_SA_output_pbs() */
#include "rnd.h"			/* for get_rnd_bytes() */
#include "iface.h"
#include "ip_address.h"
#include "ip_endpoint.h"

static struct {
	/* querier */
	uintmax_t queries_sent;
	uintmax_t ack;			/* valid answers: has the IKE SA */
	uintmax_t nack;			/* valid answers: does not */
	uintmax_t bad_cookie;		/* cookie did not verify */
	uintmax_t unsolicited;		/* no such IKE SA, not sir=yes, wrong peer */
	uintmax_t answers_malformed;
	uintmax_t answers_rate_limited;
	/* answerer */
	uintmax_t queries_received;
	uintmax_t queries_malformed;
	uintmax_t queries_rate_limited;
	uintmax_t queries_not_enabled;	/* no sir=yes connection on the address */
	uintmax_t acks_sent;
	uintmax_t nacks_sent;
} sir_stats;

void clear_sir_stats(void)
{
	zero(&sir_stats);
}

/* once a connection with sir=yes was loaded since pluto started */
void show_sir_stats(struct show *s)
{
	if (!unprotected_input_ever_enabled(QCD_SIR)) {
		return;
	}
	show(s, "total.sir.queries_sent=%ju", sir_stats.queries_sent);
	show(s, "total.sir.ack=%ju", sir_stats.ack);
	show(s, "total.sir.nack=%ju", sir_stats.nack);
	show(s, "total.sir.bad_cookie=%ju", sir_stats.bad_cookie);
	show(s, "total.sir.unsolicited=%ju", sir_stats.unsolicited);
	show(s, "total.sir.answers_malformed=%ju", sir_stats.answers_malformed);
	show(s, "total.sir.answers_rate_limited=%ju", sir_stats.answers_rate_limited);
	show(s, "total.sir.queries_received=%ju", sir_stats.queries_received);
	show(s, "total.sir.queries_malformed=%ju", sir_stats.queries_malformed);
	show(s, "total.sir.queries_rate_limited=%ju", sir_stats.queries_rate_limited);
	show(s, "total.sir.queries_not_enabled=%ju", sir_stats.queries_not_enabled);
	show(s, "total.sir.acks_sent=%ju", sir_stats.acks_sent);
	show(s, "total.sir.nacks_sent=%ju", sir_stats.nacks_sent);
}

/*
 * Rate limits (per second; a bucket holds twice its rate).  The
 * answerer's are sized like the QCD maker's: a gateway that restarts
 * with 1,000 peers answers each within a second; one source gets a
 * few answers a second, as it has at most a few IKE SAs with
 * decisions open at once.  Answers to our queries are examined at
 * most SIR_ANSWER_PEER_RATE a second per source before any MAC is
 * computed.
 */
#define SIR_ANSWER_RATE		1000	/* answers sent, all sources */
#define SIR_ANSWER_SOURCE_RATE	10	/* ... per source address */
#define SIR_ANSWER_PEER_RATE	10	/* answers examined per source */
/* an answer older than this (seconds, by its cookie) is stale */
#define SIR_COOKIE_LIFETIME	10

/*
 * The cookie secret: random, made when the first query is sent, kept
 * by this pluto only (a restart makes a new one; answers to an old
 * pluto's queries then simply fail).
 */
static uint8_t sir_secret[SIR_SECRET_SIZE];
static bool have_sir_secret;

static uint32_t sir_now(void)
{
	return (uint32_t)monosecs(mononow());
}

static bool sir_cookie(const struct ike_sa *ike, uint32_t t,
		       uint8_t cookie[SIR_COOKIE_SIZE])
{
	if (!have_sir_secret) {
		get_rnd_bytes(sir_secret, sizeof(sir_secret));
		have_sir_secret = true;
	}
	ip_address peer = endpoint_address(ike->sa.st_remote_endpoint);
	return make_sir_cookie(sir_secret, t, (const uint8_t *)&ike->sa.st_ike_spis,
			       address_as_shunk(&peer), cookie, ike->sa.logger);
}

/*
 * The query and the answer: an unprotected INFORMATIONAL carrying
 * exactly one SIR notification, Protocol ID 1 (IKE), no SPI, the
 * cookie as its data.  The query is a request with the IKE SA's
 * SPIs, I set when the querier is the IKE SA's original initiator,
 * and Message ID 0xffffffff (outside any window: answered before
 * Message ID checks, never confused with an exchange); the answer is
 * its response (send_v2_response_from_md(): SPIs, exchange and
 * Message ID copied, R set, I flipped).
 */

#define SIR_QUERY_MSGID 0xffffffff

static bool emit_v2N_sir(v2_notification_t type, const uint8_t cookie[SIR_COOKIE_SIZE],
			 struct pbs_out *outs)
{
	struct pbs_out pl;
	if (!open_v2N_SA_output_pbs(outs, type, IKEv2_SEC_PROTO_IKE, NULL, &pl) ||
	    !pbs_out_raw(&pl, cookie, SIR_COOKIE_SIZE, "SIR cookie")) {
		return false;
	}
	close_output_pbs(&pl);
	return true;
}

struct emit_v2_response_context {
	bool known;
	const uint8_t *cookie;
};

static bool emit_v2_sir_answer(struct pbs_out *pbs, struct emit_v2_response_context *answer)
{
	return emit_v2N_sir((answer->known ? SIR_SPI_KNOWN : SIR_SPI_UNKNOWN),
			    answer->cookie, pbs);
}

/*
 * Through pluto's payload decoder: exactly one payload, a Notify of
 * type SIR_CHECK_SPI, SIR_SPI_KNOWN or SIR_SPI_UNKNOWN, Protocol ID 1,
 * SPI Size 0 and a cookie of exactly SIR_COOKIE_SIZE octets.
 */

const char *decode_v2_sir_message(struct msg_digest *md, unsigned *type,
				  uint8_t cookie[SIR_COOKIE_SIZE])
{
	*type = 0;
	const char *diag = decode_v2_unprotected_notifies(md, md->logger);
	if (diag != NULL) {
		return diag;
	}
	if (md->message_payloads.repeated != LEMPTY) {
		return "more than one Notify payload";
	}
	const struct payload_digest *pd = md->chain[ISAKMP_NEXT_v2N];
	const struct ikev2_notify *n = &pd->payload.v2n;
	if (n->isan_type != SIR_CHECK_SPI && n->isan_type != SIR_SPI_KNOWN &&
	    n->isan_type != SIR_SPI_UNKNOWN) {
		return "not a SIR notification";
	}
	if (n->isan_protoid != IKEv2_SEC_PROTO_IKE || n->isan_spisize != 0) {
		return "SIR notification with a Protocol ID other than 1 or an SPI";
	}
	shunk_t data = pbs_in_left(&pd->pbs);
	if (data.len != SIR_COOKIE_SIZE) {
		return "SIR cookie is not 16 octets";
	}
	memcpy(cookie, data.ptr, SIR_COOKIE_SIZE);
	*type = n->isan_type;
	return NULL;
}

void init_sir(void)
{
	state_loss_register_ask_peer(send_v2_sir_query);
}

bool send_v2_sir_query(struct ike_sa *ike, const char *why)
{
	if (!(ike->sa.st_connection->config->qcd & QCD_SIR)) {
		return false;
	}
	/* the decision module says whether a query may go now */
	if (!state_loss_sir_query_allowed(ike)) {
		return false;
	}
	uint32_t t = sir_now();
	uint8_t cookie[SIR_COOKIE_SIZE];
	if (!sir_cookie(ike, t, cookie)) {
		ldbg(ike->sa.logger, "SIR: NSS could not make a cookie; no query");
		return false;
	}
	uint8_t buf[MIN_OUTPUT_UDP_SIZE];
	struct pbs_out packet = open_pbs_out("SIR CHECK_SPI query", buf, sizeof(buf),
					     ike->sa.logger);
	struct isakmp_hdr hdr = {
		.isa_ike_spis = ike->sa.st_ike_spis,
		.isa_version = (IKEv2_MAJOR_VERSION << ISA_MAJ_SHIFT) | IKEv2_MINOR_VERSION,
		.isa_xchg = ISAKMP_v2_INFORMATIONAL,
		.isa_flags = (ike->sa.st_sa_role == SA_INITIATOR ? ISAKMP_FLAGS_v2_IKE_I : 0),
		.isa_msgid = SIR_QUERY_MSGID,
	};
	struct pbs_out body;
	if (!pbs_out_struct(&packet, &isakmp_hdr_desc, &hdr, sizeof(hdr), &body) ||
	    !emit_v2N_sir(SIR_CHECK_SPI, cookie, &body)) {
		return false;
	}
	close_output_pbs(&body);
	close_output_pbs(&packet);
	if (!send_pbs_out_using_state(&ike->sa, "SIR CHECK_SPI query", &packet)) {
		return false;
	}
	sir_stats.queries_sent++;
	endpoint_buf eb;
	ldbg(ike->sa.logger, "SIR: %s; asked %s with CHECK_SPI whether it has this IKE SA",
	     why, str_endpoint(&ike->sa.st_remote_endpoint, &eb));
	state_loss_sir_query_sent(ike, t);
	return true;
}

static void answer_sir_query(struct msg_digest *md, const uint8_t cookie[SIR_COOKIE_SIZE])
{
	/*
	 * Only on an address that one of our sir=yes connections uses
	 * (a gateway that does not do SIR stays silent, as stock
	 * libreswan does).
	 */
	ip_address local = endpoint_address(md->iface->local_endpoint);
	ip_address source = endpoint_address(md->sender);
	if (!(v2_qcd_options_on_host_pair(QCD_SIR, local, source) & QCD_SIR)) {
		sir_stats.queries_not_enabled++;
		address_buf ab;
		ldbg(md->logger, "SIR: CHECK_SPI query to %s, where no connection has sir=yes; dropped",
		     str_address(&local, &ab));
		return;
	}
	static struct rate_bucket all;
	static struct source_buckets sources;
	monotime_t now = mononow();
	if (!take_source_rate_token(&sources, &source, 0, SIR_ANSWER_SOURCE_RATE, now) ||
	    !take_rate_token(&all, SIR_ANSWER_RATE, now)) {
		sir_stats.queries_rate_limited++;
		return;
	}
	bool known = v2_ike_spis_in_use(&md->hdr.isa_ike_spis);
	struct emit_v2_response_context answer = {
		.known = known,
		.cookie = cookie,
	};
	if (!send_v2_response_from_md(md, "SIR answer", emit_v2_sir_answer, &answer)) {
		return;
	}
	if (known) {
		sir_stats.acks_sent++;
	} else {
		sir_stats.nacks_sent++;
	}
	endpoint_buf eb;
	ldbg(md->logger, "SIR: answered CHECK_SPI from %s: %s",
	     str_endpoint(&md->sender, &eb),
	     (known ? "we have the IKE SA (ACK)" : "we do not have the IKE SA (NACK)"));
}

static void process_sir_answer(struct msg_digest *md, bool known,
			       const uint8_t cookie[SIR_COOKIE_SIZE])
{
	/* the answer flips the query's I flag, as any response does */
	enum sa_role role = ((md->hdr.isa_flags & ISAKMP_FLAGS_v2_IKE_I) ?
			     SA_RESPONDER : SA_INITIATOR);
	struct ike_sa *ike = find_v2_ike_sa(&md->hdr.isa_ike_spis, role);
	if (ike == NULL ||
	    !(ike->sa.st_connection->config->qcd & QCD_SIR) ||
	    !address_eq_address(endpoint_address(md->sender),
				endpoint_address(ike->sa.st_remote_endpoint))) {
		sir_stats.unsolicited++;
		ldbg(md->logger, "SIR: CHECK_SPI answer for no IKE SA of ours with sir=yes and that peer; ignored");
		return;
	}
	/* only answers that could be the peer's are charged, before the MAC */
	static struct source_buckets sources;
	ip_address source = endpoint_address(md->sender);
	if (!take_source_rate_token(&sources, &source, 0, SIR_ANSWER_PEER_RATE, mononow())) {
		sir_stats.answers_rate_limited++;
		return;
	}
	uint32_t t = sir_cookie_time(cookie);
	uint32_t now = sir_now();
	uint8_t want[SIR_COOKIE_SIZE];
	if (!have_sir_secret || t > now || now - t > SIR_COOKIE_LIFETIME ||
	    !sir_cookie(ike, t, want) || !sir_cookie_eq(cookie, want)) {
		sir_stats.bad_cookie++;
		ldbg(ike->sa.logger, "SIR: CHECK_SPI answer with a cookie we did not make (or a stale one); ignored");
		return;
	}
	if (known) {
		sir_stats.ack++;
	} else {
		sir_stats.nack++;
	}
	ldbg(ike->sa.logger, "SIR: the peer says it %s this IKE SA",
	     (known ? "has" : "does not have"));
	state_loss_sir_answer(ike, t, known);
}

bool process_v2_sir_message(struct msg_digest *md)
{
	if (md->hdr.isa_xchg != ISAKMP_v2_INFORMATIONAL ||
	    md->hdr.isa_msgid != SIR_QUERY_MSGID ||
	    md->hdr.isa_np != ISAKMP_NEXT_v2N ||
	    !unprotected_input_enabled(QCD_SIR)) {
		return false;
	}
	bool query = (v2_msg_role(md) == MESSAGE_REQUEST);
	if (query) {
		sir_stats.queries_received++;
	}
	unsigned type;
	uint8_t cookie[SIR_COOKIE_SIZE];
	const char *diag = decode_v2_sir_message(md, &type, cookie);
	if (diag == NULL && query != (type == SIR_CHECK_SPI)) {
		diag = (query ? "a request that is not CHECK_SPI" : "a response that is CHECK_SPI");
	}
	if (diag != NULL) {
		if (query) {
			sir_stats.queries_malformed++;
		} else {
			sir_stats.answers_malformed++;
		}
		ldbg(md->logger, "SIR: ignoring unprotected INFORMATIONAL with Message ID 0xffffffff: %s",
		     diag);
		return true;
	}
	if (query) {
		answer_sir_query(md, cookie);
	} else {
		process_sir_answer(md, type == SIR_SPI_KNOWN, cookie);
	}
	return true;
}
