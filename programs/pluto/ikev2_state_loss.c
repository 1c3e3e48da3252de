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
 *   ("rekey before deleting", make-before-break:
 *   ikev2_make_before_break.c);
 *
 * and at most one evidence-driven teardown per connection within
 * qcd-dampening= ("dampen").  INVALID_SPI hints and evidence against
 * one IKE SA make the peer show more, with protected probes
 * (ikev2_state_loss_probe.c).
 *
 * What an unauthenticated packet can cause here is a debug line and
 * a counter; the operator hears of a decision that was taken, and of
 * evidence that a protected message proved forged.
 */

#include "defs.h"

#include "ikev2_state_loss.h"
#include "ikev2_state_loss_sa.h"

#include "state.h"
#include "connections.h"
#include "demux.h"
#include "log.h"
#include "show.h"
#include "server.h"		/* for schedule_timeout() */
#include "retransmit.h"		/* for .st_retransmit.start */
#include "terminate.h"
#include "ikev2_msgid.h"		/* for v2_msgid_abandon_request() */
#include "ikev2.h"			/* for struct v2_exchange */
#include "ip_endpoint.h"
#include "ikev2_unprotected.h"	/* for v2_visit_established_ike_sas() */
#include "qcd_options.h"		/* for QCD_TAKER, QCD_SIR */
#include "whack_shutdown.h"	/* for exiting_pluto */
#include "ipsecconf/confread.h"	/* for struct keyword_value */

struct state_loss_stats state_loss_stats;

static deltatime_t dampening = DELTATIME_INIT(STATE_LOSS_DAMPENING_DEFAULT_S);

void config_state_loss_dampening(const struct keyword_value *kv,
				 struct logger *logger UNUSED)
{
	if (kv->set) {
		dampening = kv->deltatime;
	}
}

/* config setup, as show_qcd_setup(): only when not the default */
void show_state_loss_setup(struct show *s, bool globalstatus)
{
	if (deltatime_cmp(dampening, ==, deltatime(STATE_LOSS_DAMPENING_DEFAULT_S))) {
		return;
	}
	deltatime_buf db;
	show(s, (globalstatus ? "config.setup.qcd.dampening=%s" : "qcd-dampening=%ss"),
	     str_deltatime(dampening, &db));
}

void clear_state_loss_stats(void)
{
	zero(&state_loss_stats);
}

const char *state_loss_evidence_story(enum state_loss_evidence e)
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

struct v2_state_loss *state_loss_of_state(struct state *st)
{
	if (st->st_v2_state_loss == NULL) {
		st->st_v2_state_loss = alloc_thing(struct v2_state_loss, "state loss");
	}
	return st->st_v2_state_loss;
}

struct v2_state_loss *state_loss_of(struct ike_sa *ike)
{
	return state_loss_of_state(&ike->sa);
}

bool state_loss_replacing(const struct ike_sa *ike)
{
	return (ike->sa.st_connection->state_loss.replacing == ike->sa.st_serialno);
}

void free_v2_state_loss(struct state *st)
{
	if (st->st_v2_state_loss != NULL) {
		destroy_timeout(&st->st_v2_state_loss->give_up);
		destroy_timeout(&st->st_v2_state_loss->window);
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
		state_loss_stats.over_cap++;
		ldbg(ike->sa.logger,
		     "state loss: already examined %u unprotected answers to request %u; dropping",
		     sl->examined, msgid);
		return false;
	}
	sl->examined++;
	return true;
}

/*
 * Act: "the taker MUST silently discard the IKE SA and all
 * associated child SAs" (RFC 6290 4.5), then the connection is
 * revived as after a liveness timeout.
 */
void state_loss_delete_without_notification(struct ike_sa **ike, enum terminate_reason reason)
{
	on_delete(&(*ike)->sa, skip_send_delete);
	terminate_ike_family(ike, reason, HERE);
}

static void act_now(struct ike_sa **ike, enum state_loss_evidence e,
		    const char *why)
{
	struct connection *c = (*ike)->sa.st_connection;
	c->state_loss.acted = mononow();
	state_loss_stats.acted++;
	endpoint_buf eb;
	llog(RC_LOG, (*ike)->sa.logger,
	     "peer %s lost its IKE SA state (%s%s); deleting IKE SA without notification and re-establishing",
	     str_endpoint(&(*ike)->sa.st_remote_endpoint, &eb),
	     state_loss_evidence_story(e), why);
	state_loss_delete_without_notification(ike, REASON_PEER_LOST_STATE);
}

static void end_pending(struct v2_state_loss *sl)
{
	sl->pending = STATE_LOSS_NONE;
}

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
		state_loss_stats.forgery_caught++;
		ldbg(ike->sa.logger, "state loss: SIR: %u NACK(s), %u ACK(s), %s protected message",
		     sl->sir_nacks, sl->sir_acks, (sl->sir_contradicted ? "a" : "no"));
		llog(RC_LOG, ike->sa.logger,
		     "forged state-loss evidence caught: a SIR CHECK_SPI answer said the peer lost the IKE SA, but the peer's own answer or a protected message from it said otherwise; keeping the IKE SA");
		return;
	}
	if (sl->sir_acks > 0) {
		state_loss_stats.sir_ack++;
		ldbg(ike->sa.logger, "state loss: SIR: the peer has the IKE SA; nothing to do");
		return;
	}
	state_loss_stats.sir_unanswered++;
	ldbg(ike->sa.logger, "state loss: SIR: no answer to CHECK_SPI; liveness decides, as without SIR");
}

/*
 * The window closed with no protected message from the peer.
 */
static void window_closed(void *arg, const struct timer_event *event UNUSED)
{
	struct ike_sa *ike = arg;
	struct v2_state_loss *sl = state_loss_of(ike);
	if (sl->pending == STATE_LOSS_NONE) {
		/* cancelled */
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
 * The window is a timer of the IKE SA's own, destroyed with it (and
 * by the next window), so that nothing of it outlives the IKE SA.
 */
static void schedule_window(struct ike_sa *ike, const char *name)
{
	struct v2_state_loss *sl = state_loss_of(ike);
	destroy_timeout(&sl->window);
	schedule_timeout(name, &sl->window, sl->pending_window, window_closed, ike);
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

	if (sl->pending != STATE_LOSS_NONE || state_loss_replacing(*ike)) {
		state_loss_stats.pending++;
		ldbg((*ike)->sa.logger, "state loss: a decision is already under way; ignoring %s",
		     state_loss_evidence_story(e));
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
		state_loss_stats.not_probe++;
		ldbg((*ike)->sa.logger, "state loss: %s answers our %s request, not a probe; ignored",
		     state_loss_evidence_story(e), str_enum_short(&ikev2_exchange_names, md->hdr.isa_xchg, &xb));
		return;
	}

	if (dampened(c, now)) {
		state_loss_stats.dampened++;
		deltatime_buf db;
		ldbg((*ike)->sa.logger, "state loss: connection acted on evidence less than %ss ago (qcd-dampening=); ignoring %s",
		     str_deltatime(dampening, &db), state_loss_evidence_story(e));
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
	state_loss_stats.window_opened++;
	deltatime_buf wb;
	ldbg((*ike)->sa.logger,
	     "state loss: %s (from %s); waiting %ss for a protected message before acting",
	     state_loss_evidence_story(e), str_endpoint(&md->sender, &eb),
	     str_deltatime(sl->pending_window, &wb));
	schedule_window(*ike, "state loss: window");
	/*
	 * Send the outstanding request again now: a peer that still
	 * has the IKE SA gets a fresh copy (the first may have been
	 * lost, or be the one an attacker answered) and answers it
	 * within a round trip, inside the window.
	 */
	state_loss_retransmit_now(*ike);
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
	state_loss_stats.forgery_caught++;
	deltatime_buf ab;
	llog(RC_LOG, ike->sa.logger,
	     "forged state-loss evidence caught: a protected message from the peer arrived %ss after an unprotected reply claimed it lost its IKE SA state (%s); keeping the IKE SA",
	     str_deltatime(after, &ab), state_loss_evidence_story(e));
}

bool state_loss_sir_query_allowed(struct ike_sa *ike)
{
	struct v2_state_loss *sl = state_loss_of(ike);
	monotime_t now = mononow();
	const char *why =
		(sl->pending != STATE_LOSS_NONE || state_loss_replacing(ike) ? "a decision is under way" :
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
	state_loss_stats.sir_window++;
	deltatime_buf wb;
	ldbg(ike->sa.logger, "state loss: SIR: waiting %ss for answers to CHECK_SPI",
	     str_deltatime(sl->pending_window, &wb));
	schedule_window(ike, "state loss: SIR window");
}

void state_loss_sir_answer(struct ike_sa *ike, uint32_t t, bool known)
{
	struct v2_state_loss *sl = state_loss_of(ike);
	if (sl->pending != STATE_LOSS_SIR_CHECK || sl->sir_query_time != t) {
		state_loss_stats.sir_late++;
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
	show(s, "total.qcd.decision.window=%ju", state_loss_stats.window_opened);
	show(s, "total.qcd.decision.forgery_caught=%ju", state_loss_stats.forgery_caught);
	show(s, "total.qcd.decision.acted=%ju", state_loss_stats.acted);
	show(s, "total.qcd.decision.make_before_break=%ju", state_loss_stats.make_before_break);
	show(s, "total.qcd.decision.dampened=%ju", state_loss_stats.dampened);
	show(s, "total.qcd.decision.pending=%ju", state_loss_stats.pending);
	show(s, "total.qcd.decision.over_cap=%ju", state_loss_stats.over_cap);
	show(s, "total.qcd.decision.sir_window=%ju", state_loss_stats.sir_window);
	show(s, "total.qcd.decision.sir_ack=%ju", state_loss_stats.sir_ack);
	show(s, "total.qcd.decision.sir_unanswered=%ju", state_loss_stats.sir_unanswered);
	show(s, "total.qcd.decision.sir_late=%ju", state_loss_stats.sir_late);
	show(s, "total.qcd.decision.siblings_probed=%ju", state_loss_stats.siblings_probed);
	show(s, "total.qcd.decision.probe_unanswered=%ju", state_loss_stats.probe_unanswered);
	show(s, "total.qcd.decision.not_probe=%ju", state_loss_stats.not_probe);
}
