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
#include "timer.h"		/* for event_force() */
#include "ikev2_replace.h"	/* for ikev2_replace() */
#include "ip_endpoint.h"
#include "ipsecconf/confread.h"	/* for struct keyword_value */

static struct {
	uintmax_t window_opened;	/* evidence accepted, waiting */
	uintmax_t forgery_caught;	/* a protected message cancelled it */
	uintmax_t acted;		/* IKE SA deleted and revived */
	uintmax_t make_before_break;	/* replacement started first */
	uintmax_t dampened;		/* ignored: acted recently */
	uintmax_t pending;		/* ignored: a decision was pending */
	uintmax_t over_cap;		/* not examined: cap per request */
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
	case STATE_LOSS_NONE:
		break;
	}
	return "no evidence";
}

/*
 * The window: 2 x smoothed RTT, within [floor, ceiling].
 */
static deltatime_t state_loss_window(const struct ike_sa *ike)
{
	deltatime_t srtt = ike->sa.st_v2_state_loss.srtt;
	intmax_t ms = (deltatime_cmp(srtt, ==, deltatime(0)) ?
		       STATE_LOSS_WINDOW_DEFAULT_MS :
		       2 * milliseconds_from_deltatime(srtt));
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
	struct v2_state_loss *sl = &ike->sa.st_v2_state_loss;
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
 * Act: "the taker MUST silently discard the IKE SA and all
 * associated child SAs" (RFC 6290 4.5), then the connection is
 * revived as after a liveness timeout.
 */
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
	on_delete(&(*ike)->sa, skip_send_delete);
	terminate_ike_family(ike, REASON_PEER_LOST_STATE, HERE);
}

static void end_pending(struct v2_state_loss *sl)
{
	sl->pending = STATE_LOSS_NONE;
	sl->generation++;
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
	struct v2_state_loss *sl = &ike->sa.st_v2_state_loss;
	if (sl->pending == STATE_LOSS_NONE || sl->generation != generation) {
		/* cancelled, or a newer decision */
		return;
	}
	enum state_loss_evidence e = sl->pending;
	deltatime_buf db;
	char why[80];
	snprintf(why, sizeof(why), ", no protected message within %ss",
		 str_deltatime(sl->pending_window, &db));
	end_pending(sl);
	act_now(&ike, e, why);
}

/*
 * Make-before-break: the replacement started by ikev2_replace() is
 * established once the connection's established IKE SA is no longer
 * this one; then the old IKE SA goes (its peer does not know it, so
 * no Delete).  Checked once a second for a bounded time.
 */
#define MBB_CHECKS 60

static void make_before_break_check(const char *story, struct state *st, void *context)
{
	uintptr_t checks = (uintptr_t)context;
	if (st == NULL) {
		return;
	}
	struct ike_sa *ike = pexpect_ike_sa(st);
	if (ike == NULL || !ike->sa.st_v2_state_loss.replacing) {
		return;
	}
	const struct connection *c = ike->sa.st_connection;
	if (c->established_ike_sa != SOS_NOBODY &&
	    c->established_ike_sa != ike->sa.st_serialno) {
		ike->sa.st_v2_state_loss.replacing = false;
		llog(RC_LOG, ike->sa.logger,
		     "replacement IKE SA "PRI_SO" is established; deleting this IKE SA without notification",
		     pri_so(c->established_ike_sa));
		on_delete(&ike->sa, skip_send_delete);
		terminate_ike_family(&ike, REASON_SUPERSEDED_BY_NEW_SA, HERE);
		return;
	}
	if (checks >= MBB_CHECKS) {
		ike->sa.st_v2_state_loss.replacing = false;
		ldbg(ike->sa.logger, "state loss: no replacement after %u checks; keeping the IKE SA",
		     MBB_CHECKS);
		return;
	}
	schedule_callback(story, deltatime(1), ike->sa.st_serialno,
			  make_before_break_check, (void *)(checks + 1));
}

static void make_before_break(struct ike_sa *ike, enum state_loss_evidence e)
{
	struct connection *c = ike->sa.st_connection;
	c->state_loss.acted = mononow();
	stats.make_before_break++;
	ike->sa.st_v2_state_loss.replacing = true;
	llog(RC_LOG, ike->sa.logger,
	     "peer may have lost its IKE SA state (%s); establishing a new IKE SA before deleting this one",
	     evidence_story(e));
	ikev2_replace(&ike->sa, /*detach_whack*/true);
	schedule_callback("state loss: make-before-break", deltatime(1),
			  ike->sa.st_serialno, make_before_break_check, (void *)1);
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
	case STATE_LOSS_NONE:
		break;
	}
	return STATE_LOSS_MAKE_BEFORE_BREAK;
}

void state_loss_evidence(struct ike_sa **ike, enum state_loss_evidence e,
			 const struct msg_digest *md)
{
	struct v2_state_loss *sl = &(*ike)->sa.st_v2_state_loss;
	struct connection *c = (*ike)->sa.st_connection;
	monotime_t now = mononow();

	if (sl->pending != STATE_LOSS_NONE || sl->replacing) {
		stats.pending++;
		ldbg((*ike)->sa.logger, "state loss: a decision is already under way; ignoring %s",
		     evidence_story(e));
		return;
	}

	if (!is_monotime_epoch(c->state_loss.acted) &&
	    deltatime_cmp(monotime_diff(now, c->state_loss.acted), <, dampening)) {
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
		make_before_break(*ike, e);
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
	struct v2_state_loss *sl = &ike->sa.st_v2_state_loss;
	monotime_t now = mononow();
	if (sl->pending != STATE_LOSS_NONE ||
	    (!is_monotime_epoch(sl->last_hint) &&
	     milliseconds_from_deltatime(monotime_diff(now, sl->last_hint)) < STATE_LOSS_HINT_INTERVAL_MS)) {
		ldbg(ike->sa.logger, "state loss: INVALID_SPI hint ignored (%s)",
		     (sl->pending != STATE_LOSS_NONE ? "a decision is pending" :
		      "one a second"));
		return STATE_LOSS_HINT_DAMPED;
	}
	sl->last_hint = now;
	if (ike->sa.st_v2_retransmit_event != NULL) {
		ldbg(ike->sa.logger, "state loss: INVALID_SPI hint; retransmitting the outstanding request now");
		state_loss_retransmit_now(ike);
		return STATE_LOSS_HINT_RETRANSMITTED;
	}
	ldbg(ike->sa.logger, "state loss: INVALID_SPI hint; probing the peer now");
	submit_v2_liveness_exchange(ike, ike->sa.st_serialno);
	return STATE_LOSS_HINT_PROBED;
}

void state_loss_retransmit_now(struct ike_sa *ike)
{
	if (ike->sa.st_v2_retransmit_event == NULL) {
		return;
	}
	ldbg(ike->sa.logger, "state loss: retransmitting the outstanding request now");
	event_force(EVENT_v2_RETRANSMIT, &ike->sa);
}

void state_loss_protected_message(struct ike_sa *ike, const struct msg_digest *md)
{
	struct v2_state_loss *sl = &ike->sa.st_v2_state_loss;
	monotime_t now = mononow();

	/*
	 * A round trip: the response to our outstanding request,
	 * timed from its first transmission.  Unlike TCP (Karn), a
	 * request that was retransmitted still gives a sample: it
	 * can only be too long, which makes the window longer (the
	 * safe side), and the ceiling bounds it; without it a path
	 * slower than the first retransmit interval (0.5s) would
	 * never be measured.  INFORMATIONAL exchanges only: they are
	 * what the window waits for (a liveness probe, mostly), while
	 * IKE_AUTH and CREATE_CHILD_SA times are mostly the peer's
	 * public-key and DH work.
	 */
	if (v2_msg_role(md) == MESSAGE_RESPONSE &&
	    md->hdr.isa_xchg == ISAKMP_v2_INFORMATIONAL &&
	    md->hdr.isa_msgid == ike->sa.st_v2_msgid_windows.initiator.sent &&
	    !is_monotime_epoch(ike->sa.st_retransmit.start)) {
		deltatime_t sample = monotime_diff(now, ike->sa.st_retransmit.start);
		/* srtt += (sample - srtt) / 8 */
		sl->srtt = (deltatime_cmp(sl->srtt, ==, deltatime(0)) ? sample :
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
	enum state_loss_evidence e = sl->pending;
	deltatime_t after = monotime_diff(now, sl->pending_since);
	end_pending(sl);
	stats.forgery_caught++;
	deltatime_buf ab;
	llog(RC_LOG, ike->sa.logger,
	     "forged state-loss evidence caught: a protected message from the peer arrived %ss after an unprotected reply claimed it lost its IKE SA state (%s); keeping the IKE SA",
	     str_deltatime(after, &ab), evidence_story(e));
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
}
