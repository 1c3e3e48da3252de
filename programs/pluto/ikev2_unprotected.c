/* Unprotected IKEv2 input: gate, rate limits and lookups, for libreswan
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
 * QCD (RFC 6290), INVALID_SPI hints (RFC 7296 1.5) and SIR CHECK_SPI
 * all read messages that nobody authenticated.  What they share is
 * here, so that each path costs what stock pluto's own lookup of an
 * IKE SA costs:
 *
 * - a gate: with no loaded connection that enables a feature, its
 *   messages are not even looked at;
 *
 * - token buckets, per source found with a keyed hash (SipHash, a
 *   random key per pluto), so that no address can be picked to share
 *   a real peer's bucket;
 *
 * - lookups by hash (pluto's IKE SPI, IKE rekey SPI, outbound SPI and
 *   host-pair tables), never a walk of every state or connection, and
 *   a count of what they look at.
 */

#include <limits.h>		/* for UINT_MAX */

#include "defs.h"

#include "ikev2_unprotected.h"
#include "ikev2.h"			/* for ikev2_decode_payloads() */
#include "demux.h"
#include "packet.h"
#include "siphash.h"

#include "state.h"
#include "state_db.h"
#include "connections.h"
#include "connection_db.h"
#include "log.h"
#include "show.h"
#include "rnd.h"		/* for get_rnd_bytes() */
#include "orient.h"		/* for oriented() */

static struct {
	uintmax_t packets;	/* unprotected messages and records examined */
	uintmax_t visited;	/* states and connections looked at for them */
	uintmax_t max_visited;	/* ... the most for one of them */
	unsigned current;	/* ... for the one being examined */
} unprotected_stats;

void clear_unprotected_stats(void)
{
	zero(&unprotected_stats);
}

void show_unprotected_stats(struct show *s)
{
	show(s, "total.unprotected.examined=%ju", unprotected_stats.packets);
	show(s, "total.unprotected.visited=%ju", unprotected_stats.visited);
	show(s, "total.unprotected.visited_max=%ju", unprotected_stats.max_visited);
}

void unprotected_packet_begin(void)
{
	unprotected_stats.packets++;
	unprotected_stats.current = 0;
}

void unprotected_packet_end(void)
{
	if (unprotected_stats.current > unprotected_stats.max_visited) {
		unprotected_stats.max_visited = unprotected_stats.current;
	}
}

static void visited(void)
{
	unprotected_stats.visited++;
	unprotected_stats.current++;
}

/*
 * The gate.
 */

static struct {
	enum qcd_options any;	/* bits of all loaded connections */
	enum qcd_options ever;	/* bits of all connections loaded since start */
	unsigned generation;	/* bumped when a connection came or went */
} gate;

void unprotected_connection_added(enum qcd_options qcd)
{
	gate.any |= qcd;
	gate.ever |= qcd;
	gate.generation++;
}

void unprotected_connection_discarded(enum qcd_options qcd)
{
	gate.generation++;
	if (!(qcd & (QCD_ROLES|QCD_SIR))) {
		return;
	}
	/*
	 * What the others still enable; the discarded connection is
	 * no longer among them.  A walk, at an operator's (or
	 * shutdown's) pace: never for a packet.
	 */
	gate.any = 0;
	struct connection_filter cf = {
		.ike_version = IKEv2,
		.search = {
			.order = OLD2NEW,
			.verbose.logger = &global_logger,
			.where = HERE,
		},
	};
	while (next_connection(&cf)) {
		gate.any |= cf.c->config->qcd;
	}
}

bool unprotected_input_enabled(enum qcd_options want)
{
	return (gate.any & want) != 0;
}

bool unprotected_input_ever_enabled(enum qcd_options want)
{
	return (gate.ever & want) != 0;
}

/*
 * The keyed hash of every table an unauthenticated packet picks a slot
 * in: the key is random, drawn when first needed, never shown.
 */

static uint8_t hash_key[SIPHASH_KEY_SIZE];
static bool have_hash_key;

static uint64_t keyed_hash(const void *data, size_t len)
{
	if (!have_hash_key) {
		get_rnd_bytes(hash_key, sizeof(hash_key));
		have_hash_key = true;
	}
	return siphash24(hash_key, data, len);
}

/*
 * Token buckets.
 */

#define MAX_RATE 1000000	/* per second; the burst in thousandths fits 32 bits */

bool take_rate_token(struct rate_bucket *b, unsigned rate, monotime_t now)
{
	if (rate > MAX_RATE) {
		rate = MAX_RATE;
	}
	unsigned burst = 2 * rate;
	intmax_t ms = milliseconds_from_deltatime(monotime_diff(now, b->last));
	if (is_monotime_epoch(b->last)) {
		/* first use: full */
		b->milli_tokens = burst * 1000;
	} else if (ms > 0) {
		uintmax_t refill = (uintmax_t)ms * rate;	/* milli-tokens */
		uintmax_t full = (uintmax_t)burst * 1000;
		b->milli_tokens = (b->milli_tokens + refill >= full ? full :
				   b->milli_tokens + refill);
	}
	b->last = now;
	if (b->milli_tokens < 1000) {
		return false;
	}
	b->milli_tokens -= 1000;
	return true;
}

bool take_source_rate_token(struct source_buckets *sb, const ip_address *source,
			    uint32_t salt, unsigned rate, monotime_t now)
{
	uint8_t in[sizeof(salt) + 16] = {0};
	shunk_t a = address_as_shunk(source);
	memcpy(in, &salt, sizeof(salt));
	memcpy(in + sizeof(salt), a.ptr, (a.len < 16 ? a.len : 16));
	uint64_t h = keyed_hash(in, sizeof(salt) + (a.len < 16 ? a.len : 16));
	return take_rate_token(&sb->bucket[h % SOURCE_BUCKETS], rate, now);
}

/*
 * Lookups.
 */

/*
 * Host-pair answers that took a walk.  pluto's host-pair table finds
 * the connections between two addresses by hash, but a gateway pair
 * can have a thousand tunnels between the same two addresses, all in
 * that one bucket: a packet forged from the peer's address would make
 * every lookup walk them.  So an answer that looked at more than a
 * few connections is remembered, for ten seconds (connections are
 * oriented and instantiated without telling us) and until a
 * connection is added or deleted: at most one walk per address pair
 * every ten seconds, whatever the packet rate.  Most questions are
 * settled by the first connection (add_qcd_options()) and walk
 * nothing more.  Only such answers are kept: the
 * cheap ones (any address of an attacker's choosing) cannot push an
 * expensive one out.  The slot is found by a keyed hash.
 */
#define MEMO_SLOTS 64
#define MEMO_MIN_VISITS 8
#define MEMO_LIFETIME_MS 10000

enum memo_kind { MEMO_QCD_OPTIONS, MEMO_ESTABLISHED, };

struct memo {
	ip_address local, remote;
	enum memo_kind kind;
	enum qcd_options want;
	unsigned answer;
	unsigned generation;
	monotime_t when;
};
static struct memo memos[MEMO_SLOTS];

static struct memo *memo_slot(enum memo_kind kind, enum qcd_options want,
			      const ip_address *local, const ip_address *remote)
{
	uint8_t in[2 + 2 * 16] = { kind, want, };
	shunk_t l = address_as_shunk(local), r = address_as_shunk(remote);
	memcpy(in + 2, l.ptr, (l.len < 16 ? l.len : 16));
	memcpy(in + 2 + 16, r.ptr, (r.len < 16 ? r.len : 16));
	return &memos[keyed_hash(in, sizeof(in)) % MEMO_SLOTS];
}

static bool memo_find(enum memo_kind kind, enum qcd_options want,
		      const ip_address *local, const ip_address *remote,
		      unsigned *answer)
{
	const struct memo *m = memo_slot(kind, want, local, remote);
	if (m->kind == kind && m->want == want &&
	    m->generation == gate.generation &&
	    !is_monotime_epoch(m->when) &&
	    milliseconds_from_deltatime(monotime_diff(mononow(), m->when)) < MEMO_LIFETIME_MS &&
	    address_eq_address(m->local, *local) &&
	    address_eq_address(m->remote, *remote)) {
		*answer = m->answer;
		return true;
	}
	return false;
}

static void memo_keep(enum memo_kind kind, enum qcd_options want,
		      const ip_address *local, const ip_address *remote,
		      unsigned answer, unsigned visits)
{
	if (visits < MEMO_MIN_VISITS) {
		return;
	}
	struct memo *m = memo_slot(kind, want, local, remote);
	*m = (struct memo) {
		.local = *local,
		.remote = *remote,
		.kind = kind,
		.want = want,
		.answer = answer,
		.generation = gate.generation,
		.when = mononow(),
	};
}

static bool count_state(struct state *st UNUSED, void *context UNUSED)
{
	visited();
	return true;
}

bool v2_ike_spis_in_use(const ike_spis_t *spis)
{
	/* either role: the caller's lookup took ours from the I flag */
	if (state_by_ike_spis(IKEv2, NULL/*IKE or Child*/, NULL/*v1 msgid*/,
			      NULL/*either role*/, spis, count_state, NULL,
			      __func__) != NULL) {
		return true;
	}
	/* larval IKE SAs, not yet emancipated, by the rekey's new SPIs */
	struct state *larval = state_by_ike_rekey_spis(spis, __func__);
	if (larval != NULL) {
		visited();
		return larval->st_ike_version == IKEv2;
	}
	return false;
}

/*
 * The IKEv2 connections between LOCAL and REMOTE (REMOTE unset: %any),
 * from pluto's host-pair table, each passed to VISIT until it returns
 * false; returns how many were looked at.
 */
typedef bool (host_pair_visitor)(struct connection *c, void *context);

static unsigned visit_host_pair(const ip_address *local, const ip_address *remote,
				host_pair_visitor *visit, void *context)
{
	unsigned connections = 0;
	struct connection_filter cf = {
		.ike_version = IKEv2,
		.host_pair = {
			.local = local,
			.remote = remote,
		},
		.search = {
			.order = NEW2OLD,
			.verbose.logger = &global_logger,
			.where = HERE,
		},
	};
	while (next_connection(&cf)) {
		visited();
		connections++;
		if (!visit(cf.c, context)) {
			break;
		}
	}
	return connections;
}

struct options_context {
	enum qcd_options want;
	enum qcd_options found;
};

static bool add_qcd_options(struct connection *c, void *context)
{
	struct options_context *oc = context;
	if (c->config->qcd & oc->want) {
		oc->found |= c->config->qcd;
	}
	/*
	 * Settled once a connection with WANT was found and the
	 * bound form cannot win any more: it already did, or no
	 * loaded connection has it, or WANT is not the maker's.  A
	 * thousand tunnels between two gateways then cost one look.
	 */
	bool settled = ((oc->found & oc->want) &&
			((oc->found & QCD_ADDRESS_BOUND) ||
			 !(gate.any & QCD_ADDRESS_BOUND) ||
			 !(oc->want & QCD_MAKER)));
	return !settled;
}

static enum qcd_options qcd_options_between(enum qcd_options want,
					    const ip_address *local,
					    const ip_address *remote)
{
	unsigned answer;
	if (memo_find(MEMO_QCD_OPTIONS, want, local, remote, &answer)) {
		return answer;
	}
	struct options_context oc = { .want = want, };
	unsigned connections = visit_host_pair(local, remote, add_qcd_options, &oc);
	memo_keep(MEMO_QCD_OPTIONS, want, local, remote, oc.found, connections);
	return oc.found;
}

enum qcd_options v2_qcd_options_on_host_pair(enum qcd_options want,
					     const ip_address local,
					     const ip_address remote)
{
	if (!address_is_specified(local)) {
		return 0;
	}
	enum qcd_options both = qcd_options_between(want, &local, &remote);
	return (both != 0 ? both : qcd_options_between(want, &local, &unset_address));
}

static bool outbound_spi_from(struct state *st, void *context)
{
	const ip_address *peer = context;
	visited();
	return (st->st_ike_version == IKEv2 &&
		!IS_IKE_SA(st) &&
		address_eq_address(endpoint_address(st->st_remote_endpoint), *peer));
}

struct child_sa *v2_child_sa_by_outbound_spi(uint32_t spi, const ip_address peer)
{
	struct state *st = state_by_outbound_spi(spi, outbound_spi_from, (void *)&peer,
						 __func__);
	return (st == NULL ? NULL : pexpect_child_sa(st));
}

/*
 * The established IKE SAs of the connections between LOCAL and REMOTE,
 * each passed to VISIT (when not NULL), up to LIMIT of them.
 */
struct established_context {
	v2_ike_sa_visitor *visit;
	void *context;
	unsigned limit;
	unsigned found;
};

static bool visit_established(struct connection *c, void *context)
{
	struct established_context *ec = context;
	struct ike_sa *ike = ike_sa_by_serialno(c->established_ike_sa);
	if (ike != NULL && IS_IKE_SA_ESTABLISHED(&ike->sa)) {
		ec->found++;
		if (ec->visit != NULL) {
			ec->visit(ike, ec->context);
		}
	}
	return ec->found < ec->limit;
}

static unsigned established_ike_sas(const ip_address *local, const ip_address *remote,
				    v2_ike_sa_visitor *visit, void *context,
				    unsigned limit, unsigned *connections)
{
	*connections = 0;
	if (!address_is_specified(*local) || !address_is_specified(*remote)) {
		return 0;
	}
	struct established_context ec = {
		.visit = visit,
		.context = context,
		.limit = limit,
	};
	*connections = visit_host_pair(local, remote, visit_established, &ec);
	return ec.found;
}

bool v2_have_established_ike_sa(const ip_address local, const ip_address remote)
{
	unsigned answer, connections;
	if (memo_find(MEMO_ESTABLISHED, 0, &local, &remote, &answer)) {
		return answer;
	}
	bool found = (established_ike_sas(&local, &remote, NULL, NULL, 1, &connections) > 0);
	memo_keep(MEMO_ESTABLISHED, 0, &local, &remote, found, connections);
	return found;
}

unsigned v2_visit_established_ike_sas(const ip_address local, const ip_address remote,
				      v2_ike_sa_visitor *visit, void *context)
{
	unsigned connections;
	return established_ike_sas(&local, &remote, visit, context, UINT_MAX, &connections);
}

const char *decode_v2_unprotected_notifies(struct msg_digest *md, struct logger *logger)
{
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
	return NULL;
}
