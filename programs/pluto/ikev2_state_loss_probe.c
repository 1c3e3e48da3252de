/* IKEv2 peer state loss: probes, for libreswan
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
 * What the decision module (ikev2_state_loss.c) makes the peer show:
 * an INVALID_SPI hint makes an IKE SA probe its peer (or retransmit
 * its outstanding request) at once, and evidence that a peer lost an
 * IKE SA probes that peer's other IKE SAs.  A probe is protected: the
 * peer's answer, or a maker's token in its place, is the evidence.
 */

#include "defs.h"

#include "ikev2_state_loss.h"
#include "ikev2_state_loss_sa.h"
#include "ikev2_liveness.h"		/* for submit_v2_liveness_exchange() */
#include "ikev2_unprotected.h"	/* for v2_visit_established_ike_sas() */
#include "qcd_options.h"		/* for QCD_TAKER, QCD_SIR */

#include "state.h"
#include "connections.h"
#include "log.h"
#include "ikev2_send.h"		/* for send_recorded_v2_message() */
#include "ikev2_msgid.h"		/* for v2_msgid_abandon_request() */
#include "ikev2.h"			/* for struct v2_exchange */
#include "ip_endpoint.h"

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

void probe_siblings(const struct ike_sa *ike)
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
		state_loss_stats.siblings_probed += probed;
		ldbg(ike->sa.logger, "state loss: probed %u other IKE SAs with the same peer address",
		     probed);
	}
}

enum state_loss_hint_action state_loss_hint(struct ike_sa *ike)
{
	struct v2_state_loss *sl = state_loss_of(ike);
	monotime_t now = mononow();
	if (sl->pending != STATE_LOSS_NONE || state_loss_replacing(ike) ||
	    (!is_monotime_epoch(sl->last_hint) &&
	     milliseconds_from_deltatime(monotime_diff(now, sl->last_hint)) < STATE_LOSS_HINT_INTERVAL_MS)) {
		ldbg(ike->sa.logger, "state loss: INVALID_SPI hint ignored (%s)",
		     (sl->pending != STATE_LOSS_NONE ? "a decision is pending" :
		      state_loss_replacing(ike) ? "a replacement IKE SA is being established" :
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
	    sl->pending == STATE_LOSS_QCD_TOKEN || state_loss_replacing(ike) ||
	    w->exchange == NULL || w->exchange->type != ISAKMP_v2_INFORMATIONAL) {
		return false;
	}
	sl->hint_probe = false;
	state_loss_stats.probe_unanswered++;
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

