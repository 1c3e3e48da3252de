/* IKEv2 peer state loss: one place that decides, for libreswan
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
 * When a peer loses its IKE state (crash, reboot, failover) it can
 * only say so without the IKE SA's keys: RFC 6290 QCD tokens in an
 * unprotected INVALID_IKE_SPI response.  Whoever sees a token can
 * repeat it, and a standby gateway that shares the secret can be
 * made to produce one (ipsecme Issue 202), so no single piece of
 * such evidence tears a tunnel down directly.  It comes here, and
 * this file decides, once per IKE SA:
 *
 * - to wait a bounded window (about two round trips measured on the
 *   IKE SA) for a protected message from the peer, after sending the
 *   outstanding request once more: a peer that still has the IKE SA
 *   answers it, and any protected message proves the evidence forged
 *   ("delay before accepting");
 *
 * - to act: delete the IKE SA and its Child SAs without a Delete
 *   and revive the connection at once, as a liveness timeout would;
 *
 * - or, for evidence that is not certain, to start the new IKE SA
 *   first and delete the old one once the new one is established
 *   ("rekey before deleting", make-before-break);
 *
 * and at most one evidence-driven teardown per connection within
 * qcd-dampening= ("dampen").
 *
 * What an unauthenticated packet can cause here is a debug line and
 * a counter; the operator hears of a decision that was taken, and of
 * evidence that a protected message proved forged.
 */

#include "defs.h"

#include "ikev2_state_loss.h"
#include "ikev2_liveness.h"		/* for submit_v2_liveness_exchange() */

#include "state.h"
#include "connections.h"
#include "demux.h"
#include "log.h"
#include "show.h"
#include "server.h"		/* for schedule_callback() */
#include "retransmit.h"		/* for .st_retransmit.start */
#include "terminate.h"
#include "ikev2_send.h"		/* for send_recorded_v2_message() */
#include "ikev2_msgid.h"		/* for v2_msgid_abandon_request() */
#include "ikev2.h"			/* for struct v2_exchange */
#include "ikev2_replace.h"	/* for ikev2_replace() */
#include "revival.h"		/* for revival_plausable() */
#include "ikev2_ike_sa_init.h"	/* for initiate_v2_IKE_SA_INIT_request() */
#include "ikev2_ike_session_resume.h"	/* for pfree_session() */
#include "ip_endpoint.h"
#include "ikev2_unprotected.h"	/* for v2_visit_established_ike_sas() */
#include "qcd_options.h"		/* for QCD_TAKER, QCD_SIR */
#include "whack_shutdown.h"	/* for exiting_pluto */
#include "ipsecconf/confread.h"	/* for struct keyword_value */

static struct {
	uintmax_t window_opened;	/* evidence accepted, waiting */
	uintmax_t forgery_caught;	/* a protected message cancelled it */
	uintmax_t acted;		/* IKE SA deleted and revived */
	uintmax_t make_before_break;	/* replacement started first */
	uintmax_t dampened;		/* ignored: acted recently */
	uintmax_t pending;		/* ignored: a decision was pending */
	uintmax_t over_cap;		/* not examined: cap per request */
	uintmax_t sir_window;		/* CHECK_SPI sent, waiting */
	uintmax_t sir_unanswered;	/* window closed without an answer */
	uintmax_t sir_ack;		/* window closed: the peer has it */
	uintmax_t sir_late;		/* answers for no open window */
	uintmax_t siblings_probed;	/* other IKE SAs of the peer probed */
	uintmax_t probe_unanswered;	/* hint probe timed out, IKE SA kept */
	uintmax_t not_probe;		/* ignored: answers no INFORMATIONAL request */
} stats;

static deltatime_t dampening = DELTATIME_INIT(STATE_LOSS_DAMPENING_DEFAULT_S);

void config_state_loss_dampening(const struct keyword_value *kv,
				 struct logger *logger UNUSED)
{
	if (kv->set) {
		dampening = kv->deltatime;
	}
}

void clear_state_loss_stats(void)
{
	zero(&stats);
}

static const char *evidence_story(enum state_loss_evidence e)
{
	switch (e) {
	case STATE_LOSS_QCD_TOKEN:
		return "QCD token verified, RFC 6290";
	case STATE_LOSS_SIR_CHECK:
		return "SIR CHECK_SPI answered that the IKE SA is unknown";
	case STATE_LOSS_NONE:
		break;
	}
	return "no evidence";
}

/*
 * Per IKE SA, allocated on first use (state_loss_of()).  Largest
 * members first, so that nothing is padded.
 */
struct v2_state_loss {
	/* round trips measured on this IKE SA (smoothed, RFC 6298
	 * style, from a request's first transmission to its
	 * response); zero until measured */
	deltatime_t srtt;
	/* a decision waiting for its window to close */
	deltatime_t pending_window;
	monotime_t pending_since;
	/* the last INVALID_SPI hint acted on (one a second) */
	monotime_t last_hint;
	/* SIR: the query of the open window (its cookie's time) */
	monotime_t last_sir_query;
	uint32_t sir_query_time;
	/* evidence looked at for the outstanding request (cap) */
	uint32_t examined_msgid;
	unsigned generation;		/* bumped when a decision ends */
	/* SIR: what came back for the query before the window closed */
	uint16_t sir_acks;
	uint16_t sir_nacks;
	uint8_t examined;
	uint8_t pending;		/* enum state_loss_evidence */
	bool srtt_from_setup;	/* srtt is the set-up (IKE_SA_INIT) estimate */
	/*
	 * Make-before-break of this IKE SA (its connection's
	 * state_loss.replacing names it): certain, the peer lost it
	 * (a verified token), so it goes even if no replacement comes
	 * before give_up (a timer of its own, freed with the state).
	 */
	bool replacing_certain;
	struct timeout *give_up;
	bool sir_contradicted;	/* a protected message arrived */
	bool peer_token;	/* QCD: the peer gave us a token */
	/* a liveness probe that a hint started is outstanding */
	bool hint_probe;
};

static struct v2_state_loss *state_loss_of_state(struct state *st)
{
	if (st->st_v2_state_loss == NULL) {
		st->st_v2_state_loss = alloc_thing(struct v2_state_loss, "state loss");
	}
	return st->st_v2_state_loss;
}

static struct v2_state_loss *state_loss_of(struct ike_sa *ike)
{
	return state_loss_of_state(&ike->sa);
}

/* is IKE the IKE SA its connection's make-before-break replaces? */
static bool replacing(const struct ike_sa *ike)
{
	return (ike->sa.st_connection->state_loss.replacing == ike->sa.st_serialno);
}

void free_v2_state_loss(struct state *st)
{
	if (st->st_v2_state_loss != NULL) {
		destroy_timeout(&st->st_v2_state_loss->give_up);
	}
	pfreeany(st->st_v2_state_loss);
}

/*
 * The window: 2 x smoothed RTT, within [floor, ceiling].
 */
static deltatime_t state_loss_window(const struct ike_sa *ike)
{
	const struct v2_state_loss *sl = ike->sa.st_v2_state_loss;
	deltatime_t srtt = (sl == NULL ? deltatime(0) : sl->srtt);
	intmax_t ms = (deltatime_cmp(srtt, ==, deltatime(0)) ?
		       STATE_LOSS_WINDOW_DEFAULT_MS :
		       2 * milliseconds_from_deltatime(srtt));
	if (sl != NULL && sl->srtt_from_setup &&
	    ms > STATE_LOSS_WINDOW_DEFAULT_MS) {
		/*
		 * Only the set-up estimate, which includes DH work
		 * on both sides: never longer than the default (a
		 * slow peer's DH says nothing of its RTT).
		 */
		ms = STATE_LOSS_WINDOW_DEFAULT_MS;
	}
	if (ms < STATE_LOSS_WINDOW_FLOOR_MS) {
		ms = STATE_LOSS_WINDOW_FLOOR_MS;
	}
	if (ms > STATE_LOSS_WINDOW_CEILING_MS) {
		ms = STATE_LOSS_WINDOW_CEILING_MS;
	}
	return deltatime_from_milliseconds(ms);
}

bool state_loss_examine_allowed(struct ike_sa *ike, uint32_t msgid)
{
	struct v2_state_loss *sl = state_loss_of(ike);
	if (sl->examined_msgid != msgid) {
		sl->examined_msgid = msgid;
		sl->examined = 0;
	}
	if (sl->examined >= STATE_LOSS_EXAMINE_CAP) {
		stats.over_cap++;
		ldbg(ike->sa.logger,
		     "state loss: already examined %u unprotected answers to request %u; dropping",
		     sl->examined, msgid);
		return false;
	}
	sl->examined++;
	return true;
}

/*
 * Peers whose IKE SAs were all probed within the last second.  A
 * restart of a peer with N IKE SAs brings N decisions, and each
 * would visit all N siblings again (O(N^2) in all) that
 * state_loss_hint() damps for that second anyway: once per peer a
 * second instead.  A small ring: peers restarting together are few.
 */
static struct {
	ip_address peer;
	monotime_t when;
} probed_peers[16];
static unsigned probed_peers_next;

/* PEER's slot in probed_peers[], or the ring's next one to take */
static unsigned probed_peer_slot(const ip_address peer)
{
	for (unsigned i = 0; i < elemsof(probed_peers); i++) {
		if (!is_monotime_epoch(probed_peers[i].when) &&
		    address_eq_address(probed_peers[i].peer, peer)) {
			return i;
		}
	}
	unsigned next = probed_peers_next;
	probed_peers_next = (probed_peers_next + 1) % elemsof(probed_peers);
	return next;
}

/*
 * The peer at this IKE SA's address lost its state: its other IKE
 * SAs with us most likely went with it (a gateway restart takes all
 * of them).  Probe each of them now, as an INVALID_SPI hint would:
 * protected probes, so nothing goes without each IKE SA's own
 * evidence (its token, its window), but N tunnels to one peer
 * recover together instead of each waiting for its own liveness
 * timer or hint.  They are found through the connections between
 * the two addresses (pluto's host-pair table), not by a walk of every
 * state.  Each IKE SA is probed at most once a second
 * (state_loss_hint()).
 */
struct probe_context {
	const struct ike_sa *ike;
	unsigned probed;
};

static void probe_sibling(struct ike_sa *sibling, void *context)
{
	struct probe_context *ctx = context;
	if (sibling != ctx->ike &&
	    (sibling->sa.st_connection->config->qcd & (QCD_TAKER|QCD_SIR)) &&
	    state_loss_hint(sibling) != STATE_LOSS_HINT_DAMPED) {
		ctx->probed++;
	}
}

static void probe_siblings(const struct ike_sa *ike)
{
	ip_address peer = endpoint_address(ike->sa.st_remote_endpoint);
	monotime_t now = mononow();
	unsigned slot = probed_peer_slot(peer);
	if (address_eq_address(probed_peers[slot].peer, peer) &&
	    milliseconds_from_deltatime(monotime_diff(now, probed_peers[slot].when)) < STATE_LOSS_HINT_INTERVAL_MS) {
		ldbg(ike->sa.logger, "state loss: the other IKE SAs with this peer address were probed within the last second");
		return;
	}
	probed_peers[slot].peer = peer;
	probed_peers[slot].when = now;
	struct probe_context ctx = { .ike = ike, };
	ip_address local = ike->sa.st_connection->local->host.addr;
	v2_visit_established_ike_sas(local, peer, probe_sibling, &ctx);
	unsigned probed = ctx.probed;
	if (probed > 0) {
		stats.siblings_probed += probed;
		ldbg(ike->sa.logger, "state loss: probed %u other IKE SAs with the same peer address",
		     probed);
	}
}

/*
 * Act: "the taker MUST silently discard the IKE SA and all
 * associated child SAs" (RFC 6290 4.5), then the connection is
 * revived as after a liveness timeout.
 */
/*
 * The peer has no such IKE SA (or a replacement took over): delete
 * it and its Child SAs without a Delete.
 */
static void delete_without_notification(struct ike_sa **ike, enum terminate_reason reason)
{
	on_delete(&(*ike)->sa, skip_send_delete);
	terminate_ike_family(ike, reason, HERE);
}

static void act_now(struct ike_sa **ike, enum state_loss_evidence e,
		    const char *why)
{
	struct connection *c = (*ike)->sa.st_connection;
	c->state_loss.acted = mononow();
	stats.acted++;
	endpoint_buf eb;
	llog(RC_LOG, (*ike)->sa.logger,
	     "peer %s lost its IKE SA state (%s%s); deleting IKE SA without notification and re-establishing",
	     str_endpoint(&(*ike)->sa.st_remote_endpoint, &eb),
	     evidence_story(e), why);
	delete_without_notification(ike, REASON_PEER_LOST_STATE);
}

static void end_pending(struct v2_state_loss *sl)
{
	sl->pending = STATE_LOSS_NONE;
	sl->generation++;
}

static void make_before_break(struct ike_sa *ike, enum state_loss_evidence e,
			      const char *why);
static bool can_make_before_break(const struct ike_sa *ike);

/*
 * SIR: the window of a CHECK_SPI query closed.  Act only on a NACK
 * that nothing contradicted; a NACK contradicted by an ACK or by a
 * protected message from the peer was forged (someone who saw the
 * query answered it).
 */
static void sir_window_closed(struct ike_sa *ike)
{
	struct v2_state_loss *sl = state_loss_of(ike);
	if (sl->sir_nacks > 0 && sl->sir_acks == 0 && !sl->sir_contradicted) {
		probe_siblings(ike);
		make_before_break(ike, STATE_LOSS_SIR_CHECK, "");
		return;
	}
	if (sl->sir_nacks > 0) {
		stats.forgery_caught++;
		ldbg(ike->sa.logger, "state loss: SIR: %u NACK(s), %u ACK(s), %s protected message",
		     sl->sir_nacks, sl->sir_acks, (sl->sir_contradicted ? "a" : "no"));
		llog(RC_LOG, ike->sa.logger,
		     "forged state-loss evidence caught: a SIR CHECK_SPI answer said the peer lost the IKE SA, but the peer's own answer or a protected message from it said otherwise; keeping the IKE SA");
		return;
	}
	if (sl->sir_acks > 0) {
		stats.sir_ack++;
		ldbg(ike->sa.logger, "state loss: SIR: the peer has the IKE SA; nothing to do");
		return;
	}
	stats.sir_unanswered++;
	ldbg(ike->sa.logger, "state loss: SIR: no answer to CHECK_SPI; liveness decides, as without SIR");
}

/*
 * The window closed with no protected message from the peer.
 */
static void window_closed(const char *story UNUSED, struct state *st, void *context)
{
	unsigned generation = (uintptr_t)context;
	if (st == NULL) {
		/* the IKE SA went away meanwhile */
		return;
	}
	struct ike_sa *ike = pexpect_ike_sa(st);
	if (ike == NULL) {
		return;
	}
	struct v2_state_loss *sl = state_loss_of(ike);
	if (sl->pending == STATE_LOSS_NONE || sl->generation != generation) {
		/* cancelled, or a newer decision */
		return;
	}
	enum state_loss_evidence e = sl->pending;
	if (e == STATE_LOSS_SIR_CHECK) {
		end_pending(sl);
		sir_window_closed(ike);
		return;
	}
	deltatime_buf db;
	char why[80];
	snprintf(why, sizeof(why), ", no protected message within %ss",
		 str_deltatime(sl->pending_window, &db));
	end_pending(sl);
	probe_siblings(ike);
	if (can_make_before_break(ike)) {
		/*
		 * Revival would start a new IKE SA for the connection
		 * anyway: start it first, then delete this one.  The
		 * old Child SA's teardown (its updown script) is then
		 * off the recovery path, and if the token was a
		 * replay that the window missed, the tunnel never
		 * goes down.
		 */
		make_before_break(ike, e, why);
		return;
	}
	act_now(&ike, e, why);
}

/*
 * Make-before-break: the replacement IKE SA (with the connection's
 * Child SA in its IKE_AUTH exchange) is established once the
 * connection's established IKE SA is no longer this one; then the old
 * IKE SA and its Child SAs go, with a Delete as upstream's
 * reauthentication sends one: a peer that lost them answers it with
 * INVALID_IKE_SPI at most, and a peer that still has them (the
 * evidence was a replay the window missed, or the two crossed) drops
 * them too, so both ends keep the same IKE SA and Child SA.  The new
 * Child SA already carries the traffic, so nothing is revived.  The
 * old one goes right after the event that establishes the replacement,
 * or any other IKE SA of the connection (state_loss_ike_sa_established());
 * one check after MBB_GIVE_UP_S covers a replacement that never comes.
 *
 * Crossings: when the old IKE SA is rekeyed meanwhile (by the peer, or
 * by us from a request queued before the decision), its rekey takes
 * over the role of the IKE SA being replaced; the replacement is never
 * dropped as the loser of crossed streams (state_loss_replacement()),
 * since the peer may already have it and its Child SA installed.
 */
#define MBB_GIVE_UP_S 60
enum mbb_check {
	MBB_ESTABLISHED = 1,	/* an IKE SA of the connection was established */
	MBB_GIVE_UP,		/* MBB_GIVE_UP_S passed */
};

static void make_before_break_check(const char *story UNUSED, struct state *st, void *context)
{
	enum mbb_check check = (uintptr_t)context;
	if (st == NULL) {
		return;
	}
	struct ike_sa *ike = pexpect_ike_sa(st);
	if (ike == NULL || !replacing(ike)) {
		return;
	}
	struct connection *c = ike->sa.st_connection;
	if (c->established_ike_sa != SOS_NOBODY &&
	    c->established_ike_sa != ike->sa.st_serialno) {
		c->state_loss.replacing = SOS_NOBODY;
		llog(RC_LOG, ike->sa.logger,
		     "IKE SA "PRI_SO" is established; deleting this IKE SA",
		     pri_so(c->established_ike_sa));
		/* as upstream's reauthentication expires the old one */
		send_n_log_delete_ike_family_now(&ike, ike->sa.logger, HERE);
		return;
	}
	if (check != MBB_GIVE_UP) {
		/* still this one: the replacement, or the give-up, decides */
		return;
	}
	c->state_loss.replacing = SOS_NOBODY;
	if (ike->sa.st_v2_state_loss->replacing_certain) {
		/* the peer has no such IKE SA: a zombie otherwise */
		llog(RC_LOG, ike->sa.logger,
		     "no replacement IKE SA established within %us; deleting this IKE SA without notification",
		     MBB_GIVE_UP_S);
		delete_without_notification(&ike, REASON_PEER_LOST_STATE);
		return;
	}
	ldbg(ike->sa.logger, "state loss: no replacement within %us; keeping the IKE SA",
	     MBB_GIVE_UP_S);
}

static void make_before_break_give_up(void *arg, const struct timer_event *event UNUSED)
{
	so_serial_t serialno = (uintptr_t)arg;
	make_before_break_check("state loss: make-before-break give-up",
				state_by_serialno(serialno), (void *)MBB_GIVE_UP);
}

/*
 * MBB_ESTABLISHED runs right after the event that established an IKE
 * SA; MBB_GIVE_UP is a timer of the IKE SA's own, destroyed with it,
 * so that nothing of it outlives the IKE SA.
 */
static void schedule_make_before_break_check(struct ike_sa *ike, enum mbb_check check)
{
	if (check == MBB_GIVE_UP) {
		struct v2_state_loss *sl = state_loss_of(ike);
		destroy_timeout(&sl->give_up);
		schedule_timeout("state loss: make-before-break give-up", &sl->give_up,
				 deltatime(MBB_GIVE_UP_S), make_before_break_give_up,
				 (void *)(uintptr_t)ike->sa.st_serialno);
		return;
	}
	schedule_callback("state loss: make-before-break", deltatime(0),
			  ike->sa.st_serialno, make_before_break_check, (void *)(uintptr_t)check);
}

static bool has_child_policy_of(const struct connection *c)
{
	const struct child_policy policy = child_sa_policy(c);
	return has_child_policy(&policy);
}

/*
 * Where revival would start a new IKE SA for the connection after
 * this one is gone (upstream's revival_plausable()), this is its
 * established IKE SA, and it can initiate (not a responder's
 * instance).
 */
static bool can_make_before_break(const struct ike_sa *ike)
{
	struct connection *c = ike->sa.st_connection;
	return (is_permanent(c) &&
		c->established_ike_sa == ike->sa.st_serialno &&
		revival_plausable(c, ike->sa.logger));
}

static void make_before_break(struct ike_sa *ike, enum state_loss_evidence e,
			      const char *why)
{
	struct connection *c = ike->sa.st_connection;
	c->state_loss.acted = mononow();
	stats.make_before_break++;
	struct v2_state_loss *sl = state_loss_of(ike);
	c->state_loss.replaced = ike->sa.st_serialno;
	c->state_loss.replacing = ike->sa.st_serialno;
	/* a verified token: the peer does not have this IKE SA */
	sl->replacing_certain = (e == STATE_LOSS_QCD_TOKEN);
	if (sl->replacing_certain) {
		stats.acted++;
		endpoint_buf eb;
		llog(RC_LOG, ike->sa.logger,
		     "peer %s lost its IKE SA state (%s%s); establishing a new IKE SA before deleting this one",
		     str_endpoint(&ike->sa.st_remote_endpoint, &eb),
		     evidence_story(e), why);
	} else {
		llog(RC_LOG, ike->sa.logger,
		     "peer may have lost its IKE SA state (%s%s); establishing a new IKE SA before deleting this one",
		     evidence_story(e), why);
	}
	if (c->session != NULL) {
		/*
		 * The connection's session resumption ticket was
		 * issued by the peer that lost this IKE SA: its
		 * ticket key most likely went with it.  The
		 * replacement starts with IKE_SA_INIT and gets a new
		 * ticket in its IKE_AUTH (which must find none).
		 */
		ldbg(ike->sa.logger, "state loss: dropping the connection's session resumption ticket");
		pfree_session(&c->session);
	}
	if (is_labeled(c) || !has_child_policy_of(c)) {
		/* reauthenticate as upstream does; revival brings the children */
		ikev2_replace(&ike->sa, /*detach_whack*/true);
	} else {
		/*
		 * A new IKE SA that brings the connection's Child SA
		 * in its IKE_AUTH exchange (ikev2_replace() would
		 * leave it to revival, after the old one is gone: a
		 * CREATE_CHILD_SA exchange later).
		 */
		threadtime_t inception = threadtime_start();
		const struct child_policy policy = child_sa_policy(c);
		initiate_v2_IKE_SA_INIT_request(c, &ike->sa, &policy, &inception,
						HUNK_AS_SHUNK(c->child.sec_label),
						/*detach_whack*/true);
	}
	schedule_make_before_break_check(ike, MBB_GIVE_UP);
}

static bool dampened(const struct connection *c, monotime_t now)
{
	return (!is_monotime_epoch(c->state_loss.acted) &&
		deltatime_cmp(monotime_diff(now, c->state_loss.acted), <, dampening));
}

static enum state_loss_action decide(enum state_loss_evidence e)
{
	switch (e) {
	case STATE_LOSS_QCD_TOKEN:
		/*
		 * Certain once the window has passed: only the
		 * holder of the secret can produce the token, and
		 * only for an IKE SA it no longer has (a maker never
		 * answers for a live one); but a copy of it can be
		 * replayed, or elicited from a standby, while the
		 * real peer is alive: the window catches that.
		 */
		return STATE_LOSS_ACT_AFTER_WINDOW;
	case STATE_LOSS_SIR_CHECK:
		/* decided when its window closes, sir_window_closed() */
	case STATE_LOSS_NONE:
		break;
	}
	return STATE_LOSS_MAKE_BEFORE_BREAK;
}

void state_loss_evidence(struct ike_sa **ike, enum state_loss_evidence e,
			 const struct msg_digest *md)
{
	struct v2_state_loss *sl = state_loss_of(*ike);
	struct connection *c = (*ike)->sa.st_connection;
	monotime_t now = mononow();

	if (sl->pending != STATE_LOSS_NONE || replacing(*ike)) {
		stats.pending++;
		ldbg((*ike)->sa.logger, "state loss: a decision is already under way; ignoring %s",
		     evidence_story(e));
		return;
	}

	/*
	 * The window is two round trips of INFORMATIONAL exchanges,
	 * which a peer answers at once.  A peer that still has the
	 * IKE SA answers a CREATE_CHILD_SA (or any exchange with
	 * DH or KEM) only after its helper threads did that work,
	 * however long they take, and drops our retransmits
	 * meanwhile: evidence against such an exchange would win any
	 * window sized by round trips.  It is not weighed at all; the
	 * exchange times out as without crash detection, or a later
	 * probe brings evidence that can be weighed.
	 */
	if (md->hdr.isa_xchg != ISAKMP_v2_INFORMATIONAL) {
		enum_buf xb;
		stats.not_probe++;
		ldbg((*ike)->sa.logger, "state loss: %s answers our %s request, not a probe; ignored",
		     evidence_story(e), str_enum_short(&ikev2_exchange_names, md->hdr.isa_xchg, &xb));
		return;
	}

	if (dampened(c, now)) {
		stats.dampened++;
		deltatime_buf db;
		ldbg((*ike)->sa.logger, "state loss: connection acted on evidence less than %ss ago (qcd-dampening=); ignoring %s",
		     str_deltatime(dampening, &db), evidence_story(e));
		return;
	}

	endpoint_buf eb;
	switch (decide(e)) {
	case STATE_LOSS_ACT_NOW:
		act_now(ike, e, "");
		return;
	case STATE_LOSS_MAKE_BEFORE_BREAK:
		make_before_break(*ike, e, "");
		return;
	case STATE_LOSS_ACT_AFTER_WINDOW:
		break;
	}

	sl->pending = e;
	sl->pending_since = now;
	sl->pending_window = state_loss_window(*ike);
	stats.window_opened++;
	deltatime_buf wb;
	ldbg((*ike)->sa.logger,
	     "state loss: %s (from %s); waiting %ss for a protected message before acting",
	     evidence_story(e), str_endpoint(&md->sender, &eb),
	     str_deltatime(sl->pending_window, &wb));
	schedule_callback("state loss: window", sl->pending_window,
			  (*ike)->sa.st_serialno, window_closed,
			  (void *)(uintptr_t)sl->generation);
	/*
	 * Send the outstanding request again now: a peer that still
	 * has the IKE SA gets a fresh copy (the first may have been
	 * lost, or be the one an attacker answered) and answers it
	 * within a round trip, inside the window.
	 */
	state_loss_retransmit_now(*ike);
}

enum state_loss_hint_action state_loss_hint(struct ike_sa *ike)
{
	struct v2_state_loss *sl = state_loss_of(ike);
	monotime_t now = mononow();
	if (sl->pending != STATE_LOSS_NONE || replacing(ike) ||
	    (!is_monotime_epoch(sl->last_hint) &&
	     milliseconds_from_deltatime(monotime_diff(now, sl->last_hint)) < STATE_LOSS_HINT_INTERVAL_MS)) {
		ldbg(ike->sa.logger, "state loss: INVALID_SPI hint ignored (%s)",
		     (sl->pending != STATE_LOSS_NONE ? "a decision is pending" :
		      replacing(ike) ? "a replacement IKE SA is being established" :
		      "one a second"));
		return STATE_LOSS_HINT_DAMPED;
	}
	sl->last_hint = now;
	enum state_loss_hint_action action;
	if (ike->sa.st_v2_retransmit_event != NULL) {
		ldbg(ike->sa.logger, "state loss: INVALID_SPI hint; retransmitting the outstanding request now");
		state_loss_retransmit_now(ike);
		action = STATE_LOSS_HINT_RETRANSMITTED;
	} else {
		ldbg(ike->sa.logger, "state loss: INVALID_SPI hint; probing the peer now");
		sl->hint_probe = true;
		submit_v2_liveness_exchange(ike, ike->sa.st_serialno);
		action = STATE_LOSS_HINT_PROBED;
	}
	/*
	 * Without the peer's token nothing the probe brings back can
	 * settle it: ask the peer's address at once (with sir=yes)
	 * whether it has the IKE SA.
	 */
	if (!sl->peer_token) {
		state_loss_unverifiable(ike, "INVALID_SPI hint, and the peer gave us no QCD token");
	}
	return action;
}

void state_loss_peer_token_stored(struct state *st)
{
	state_loss_of_state(st)->peer_token = true;
}

static state_loss_ask_peer_cb *ask_peer;

void state_loss_register_ask_peer(state_loss_ask_peer_cb *ask)
{
	ask_peer = ask;
}

void state_loss_unverifiable(struct ike_sa *ike, const char *why)
{
	if (ask_peer != NULL) {
		ask_peer(ike, why);
	}
}

bool state_loss_probe_timed_out(struct ike_sa *ike)
{
	struct v2_state_loss *sl = ike->sa.st_v2_state_loss;
	const struct v2_msgid_window *w = &ike->sa.st_v2_msgid_windows.initiator;
	/*
	 * (A SIR query in flight is no evidence yet: its window
	 * decides on its own.)
	 */
	if (sl == NULL || !sl->hint_probe ||
	    dpd_active_locally(ike->sa.st_connection) ||
	    sl->pending == STATE_LOSS_QCD_TOKEN || replacing(ike) ||
	    w->exchange == NULL || w->exchange->type != ISAKMP_v2_INFORMATIONAL) {
		return false;
	}
	sl->hint_probe = false;
	stats.probe_unanswered++;
	llog(RC_LOG, ike->sa.logger,
	     "liveness probe started by an unprotected INVALID_SPI hint went unanswered; keeping the IKE SA, as without the hint (dpddelay= is not set)");
	v2_msgid_abandon_request(ike, HERE);
	return true;
}

void state_loss_retransmit_now(struct ike_sa *ike)
{
	struct v2_outgoing_fragment *frags =
		ike->sa.st_v2_msgid_windows.initiator.outgoing_fragments;
	if (ike->sa.st_v2_retransmit_event == NULL || frags == NULL) {
		return;
	}
	/*
	 * A copy of the recorded request, outside the retransmit
	 * schedule.  Not event_force(EVENT_v2_RETRANSMIT): that runs
	 * the schedule, which doubles the delay and ends the exchange
	 * once the delays add up to retransmit-timeout, so unprotected
	 * hints once a second (or any evidence) would spend the
	 * 60 s budget in 7 s and a spoofed flood that also delays the
	 * peer's answers could tear a live IKE SA down.  The schedule
	 * and its timeout stay upstream's, in wall time.
	 */
	ldbg(ike->sa.logger, "state loss: sending the outstanding request again now (retransmit schedule unchanged)");
	send_recorded_v2_message(ike, "state loss: outstanding request", frags);
}

void state_loss_protected_message(struct ike_sa *ike, const struct msg_digest *md)
{
	if (ike->sa.st_v2_state_loss == NULL &&
	    !(ike->sa.st_connection->config->qcd & (QCD_TAKER|QCD_SIR))) {
		/* no evidence can come for this IKE SA: nothing to keep */
		return;
	}
	struct v2_state_loss *sl = state_loss_of(ike);
	monotime_t now = mononow();
	if (v2_msg_role(md) == MESSAGE_RESPONSE &&
	    md->hdr.isa_xchg == ISAKMP_v2_INFORMATIONAL) {
		/* the hint's probe, if any, was answered */
		sl->hint_probe = false;
	}

	/*
	 * A round trip: the response to our outstanding request,
	 * timed from its first transmission.  Unlike TCP (Karn), a
	 * request that was retransmitted still gives a sample: it
	 * can only be too long, which makes the window longer (the
	 * safe side), and the ceiling bounds it; without it a path
	 * slower than the first retransmit interval (0.5s) would
	 * never be measured.  INFORMATIONAL exchanges are what the
	 * window waits for (a liveness probe, mostly).
	 *
	 * Until one is measured, the IKE SA's own set-up gives the
	 * first sample, taken when the IKE_AUTH message arrives: as
	 * initiator, the IKE_SA_INIT exchange (from the IKE SA's
	 * creation, before our KE, to its processed response); as
	 * responder, from the IKE SA's creation (the IKE_SA_INIT
	 * request) to the IKE_AUTH request.  Both include DH work on
	 * both sides, so they can only be too long (the safe side).
	 * Not the IKE_AUTH exchange itself: its response waits for
	 * the peer to install the Child SA and run its updown script
	 * (over a second on a slow host), which says nothing of the
	 * path.  Without a sample, a survivor that never probed
	 * (dpddelay unset) would wait the 1 s default.
	 */
	deltatime_t sample;
	bool have_sample = false;
	bool from_setup = false;
	const struct v2_msgid_window *initiator = &ike->sa.st_v2_msgid_windows.initiator;
	if (v2_msg_role(md) == MESSAGE_RESPONSE &&
	    md->hdr.isa_msgid == initiator->sent &&
	    md->hdr.isa_xchg == ISAKMP_v2_INFORMATIONAL &&
	    !is_monotime_epoch(ike->sa.st_retransmit.start)) {
		sample = monotime_diff(now, ike->sa.st_retransmit.start);
		have_sample = true;
	} else if (v2_msg_role(md) == MESSAGE_RESPONSE &&
		   md->hdr.isa_xchg == ISAKMP_v2_IKE_AUTH &&
		   deltatime_cmp(sl->srtt, ==, deltatime(0)) &&
		   !is_monotime_epoch(initiator->last_sent) &&
		   monotime_cmp(initiator->last_recv, >, initiator->last_sent)) {
		/* IKE_SA_INIT, as processed before IKE_AUTH was sent */
		sample = monotime_diff(initiator->last_recv, initiator->last_sent);
		have_sample = true;
		from_setup = true;
	} else if (v2_msg_role(md) == MESSAGE_REQUEST &&
		   md->hdr.isa_xchg == ISAKMP_v2_IKE_AUTH &&
		   deltatime_cmp(sl->srtt, ==, deltatime(0)) &&
		   !is_monotime_epoch(ike->sa.st_v2_msgid_windows.responder.last_sent)) {
		sample = monotime_diff(now, ike->sa.st_v2_msgid_windows.responder.last_sent);
		have_sample = true;
		from_setup = true;
	}
	if (have_sample) {
		/*
		 * srtt += (sample - srtt) / 8; the set-up estimate
		 * (too long by the DH work) is replaced, not
		 * averaged, by the first real round trip.
		 */
		bool replace = (deltatime_cmp(sl->srtt, ==, deltatime(0)) || sl->srtt_from_setup);
		sl->srtt_from_setup = from_setup;
		sl->srtt = (replace ? sample :
			    deltatime_from_microseconds(
				    (7 * microseconds_from_deltatime(sl->srtt) +
				     microseconds_from_deltatime(sample)) / 8));
		deltatime_buf sb, rb;
		ldbg(ike->sa.logger, "state loss: round trip %ss, smoothed %ss",
		     str_deltatime(sample, &sb), str_deltatime(sl->srtt, &rb));
	}

	if (sl->pending == STATE_LOSS_NONE) {
		return;
	}
	if (sl->pending == STATE_LOSS_SIR_CHECK) {
		/* the peer has the IKE SA; weighed when the window closes */
		sl->sir_contradicted = true;
		return;
	}
	enum state_loss_evidence e = sl->pending;
	deltatime_t after = monotime_diff(now, sl->pending_since);
	end_pending(sl);
	stats.forgery_caught++;
	deltatime_buf ab;
	llog(RC_LOG, ike->sa.logger,
	     "forged state-loss evidence caught: a protected message from the peer arrived %ss after an unprotected reply claimed it lost its IKE SA state (%s); keeping the IKE SA",
	     str_deltatime(after, &ab), evidence_story(e));
}

void state_loss_ike_sa_established(struct ike_sa *ike)
{
	struct connection *c = ike->sa.st_connection;
	if (ike->sa.st_v2_ike_pred != SOS_NOBODY &&
	    ike->sa.st_v2_ike_pred == c->state_loss.replaced) {
		/* the replacement: no longer to be kept from crossings */
		c->state_loss.replaced = SOS_NOBODY;
	}
	if (c->state_loss.replacing == SOS_NOBODY) {
		/* the IKE SA it replaced went meanwhile */
		return;
	}
	struct ike_sa *old = ike_sa_by_serialno(c->state_loss.replacing);
	if (old == NULL) {
		return;
	}
	if (ike->sa.st_v2_rekey_pred == old->sa.st_serialno) {
		/*
		 * The IKE SA being replaced was rekeyed: the peer has
		 * this one, which the replacement now replaces; the
		 * old one goes as after any rekey.
		 */
		state_loss_of(ike)->replacing_certain = false;
		c->state_loss.replacing = ike->sa.st_serialno;
		ldbg(ike->sa.logger, "state loss: rekey of "PRI_SO" established while it was being replaced; the replacement replaces this one",
		     pri_so(old->sa.st_serialno));
		schedule_make_before_break_check(ike, MBB_GIVE_UP);
		return;
	}
	/*
	 * After this event, once the Child SA that came with the
	 * replacement's IKE_AUTH is installed too: the check then
	 * finds the connection's established IKE SA changed.
	 */
	ldbg(ike->sa.logger, "state loss: "PRI_SO" established while "PRI_SO" is being replaced",
	     pri_so(ike->sa.st_serialno), pri_so(old->sa.st_serialno));
	schedule_make_before_break_check(old, MBB_ESTABLISHED);
}

bool state_loss_replacement(const struct ike_sa *ike)
{
	const struct connection *c = ike->sa.st_connection;
	return (ike->sa.st_v2_ike_pred != SOS_NOBODY &&
		ike->sa.st_v2_ike_pred == c->state_loss.replaced);
}

bool state_loss_sir_query_allowed(struct ike_sa *ike)
{
	struct v2_state_loss *sl = state_loss_of(ike);
	monotime_t now = mononow();
	const char *why =
		(sl->pending != STATE_LOSS_NONE || replacing(ike) ? "a decision is under way" :
		 dampened(ike->sa.st_connection, now) ? "the connection acted on evidence recently (qcd-dampening=)" :
		 (!is_monotime_epoch(sl->last_sir_query) &&
		  milliseconds_from_deltatime(monotime_diff(now, sl->last_sir_query)) < STATE_LOSS_HINT_INTERVAL_MS) ? "one a second" :
		 NULL);
	if (why != NULL) {
		ldbg(ike->sa.logger, "state loss: no SIR query now: %s", why);
		return false;
	}
	return true;
}

void state_loss_sir_query_sent(struct ike_sa *ike, uint32_t t)
{
	struct v2_state_loss *sl = state_loss_of(ike);
	monotime_t now = mononow();
	sl->last_sir_query = now;
	sl->sir_query_time = t;
	sl->sir_acks = sl->sir_nacks = 0;
	sl->sir_contradicted = false;
	sl->pending = STATE_LOSS_SIR_CHECK;
	sl->pending_since = now;
	sl->pending_window = state_loss_window(ike);
	stats.sir_window++;
	deltatime_buf wb;
	ldbg(ike->sa.logger, "state loss: SIR: waiting %ss for answers to CHECK_SPI",
	     str_deltatime(sl->pending_window, &wb));
	schedule_callback("state loss: SIR window", sl->pending_window,
			  ike->sa.st_serialno, window_closed,
			  (void *)(uintptr_t)sl->generation);
}

void state_loss_sir_answer(struct ike_sa *ike, uint32_t t, bool known)
{
	struct v2_state_loss *sl = state_loss_of(ike);
	if (sl->pending != STATE_LOSS_SIR_CHECK || sl->sir_query_time != t) {
		stats.sir_late++;
		ldbg(ike->sa.logger, "state loss: SIR: answer for no open window; ignored");
		return;
	}
	/* (saturating: a count must never wrap back to none) */
	if (known) {
		sl->sir_acks += (sl->sir_acks < UINT16_MAX);
	} else {
		sl->sir_nacks += (sl->sir_nacks < UINT16_MAX);
	}
}

void show_state_loss_stats(struct show *s)
{
	show(s, "total.qcd.decision.window=%ju", stats.window_opened);
	show(s, "total.qcd.decision.forgery_caught=%ju", stats.forgery_caught);
	show(s, "total.qcd.decision.acted=%ju", stats.acted);
	show(s, "total.qcd.decision.make_before_break=%ju", stats.make_before_break);
	show(s, "total.qcd.decision.dampened=%ju", stats.dampened);
	show(s, "total.qcd.decision.pending=%ju", stats.pending);
	show(s, "total.qcd.decision.over_cap=%ju", stats.over_cap);
	show(s, "total.qcd.decision.sir_window=%ju", stats.sir_window);
	show(s, "total.qcd.decision.sir_ack=%ju", stats.sir_ack);
	show(s, "total.qcd.decision.sir_unanswered=%ju", stats.sir_unanswered);
	show(s, "total.qcd.decision.sir_late=%ju", stats.sir_late);
	show(s, "total.qcd.decision.siblings_probed=%ju", stats.siblings_probed);
	show(s, "total.qcd.decision.probe_unanswered=%ju", stats.probe_unanswered);
	show(s, "total.qcd.decision.not_probe=%ju", stats.not_probe);
}
