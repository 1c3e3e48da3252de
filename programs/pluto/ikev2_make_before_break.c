/* IKEv2 peer state loss: make-before-break, for libreswan
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
 * When the decision module (ikev2_state_loss.c) concludes that the
 * peer lost an IKE SA and revival would start a new one anyway, the
 * new IKE SA is started first and the old one deleted once the new
 * one is up.
 */

#include "defs.h"

#include "ikev2_state_loss.h"
#include "ikev2_state_loss_sa.h"

#include "state.h"
#include "connections.h"
#include "log.h"
#include "server.h"		/* for schedule_callback() */
#include "timer.h"		/* for schedule_timeout() */
#include "terminate.h"
#include "ikev2_delete.h"	/* for send_n_log_delete_ike_family_now() */
#include "ikev2_replace.h"	/* for ikev2_replace() */
#include "revival.h"		/* for revival_plausable() */
#include "ikev2_ike_sa_init.h"	/* for initiate_v2_IKE_SA_INIT_request() */
#include "ikev2_ike_session_resume.h"	/* for pfree_session() */
#include "ip_endpoint.h"

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
	if (ike == NULL || !state_loss_replacing(ike)) {
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
		state_loss_delete_without_notification(&ike, REASON_PEER_LOST_STATE);
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
bool can_make_before_break(const struct ike_sa *ike)
{
	struct connection *c = ike->sa.st_connection;
	return (is_permanent(c) &&
		c->established_ike_sa == ike->sa.st_serialno &&
		revival_plausable(c, ike->sa.logger));
}

void make_before_break(struct ike_sa *ike, enum state_loss_evidence e,
		       const char *why)
{
	struct connection *c = ike->sa.st_connection;
	c->state_loss.acted = mononow();
	state_loss_stats.make_before_break++;
	struct v2_state_loss *sl = state_loss_of(ike);
	c->state_loss.replaced = ike->sa.st_serialno;
	c->state_loss.replacing = ike->sa.st_serialno;
	/* a verified token: the peer does not have this IKE SA */
	sl->replacing_certain = (e == STATE_LOSS_QCD_TOKEN);
	if (sl->replacing_certain) {
		state_loss_stats.acted++;
		endpoint_buf eb;
		llog(RC_LOG, ike->sa.logger,
		     "peer %s lost its IKE SA state (%s%s); establishing a new IKE SA before deleting this one",
		     str_endpoint(&ike->sa.st_remote_endpoint, &eb),
		     state_loss_evidence_story(e), why);
	} else {
		llog(RC_LOG, ike->sa.logger,
		     "peer may have lost its IKE SA state (%s%s); establishing a new IKE SA before deleting this one",
		     state_loss_evidence_story(e), why);
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

