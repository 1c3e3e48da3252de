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
 */

#ifndef IKEV2_STATE_LOSS_H
#define IKEV2_STATE_LOSS_H

#include <stdbool.h>
#include <stdint.h>

#include "monotime.h"
#include "deltatime.h"
#include "defs.h"		/* for so_serial_t */

struct ike_sa;
struct msg_digest;
struct show;
struct logger;
struct keyword_value;

/*
 * Evidence that the peer of an IKE SA lost its state.  None of it is
 * authenticated by the IKE SA's keys: it arrives in unprotected
 * messages, so it is weighed here, in one place, before anything is
 * torn down.  The defences of ipsecme Issue 202 (a standby gateway
 * used as a token oracle): accept only for a pending request, delay
 * before accepting, rekey before deleting, dampen.
 */
enum state_loss_evidence {
	STATE_LOSS_NONE = 0,
	/* RFC 6290: an unprotected INVALID_IKE_SPI answering our
	 * outstanding request carried the token the peer gave us */
	STATE_LOSS_QCD_TOKEN,
	/* SIR: we asked the peer's address whether it has the IKE SA
	 * (CHECK_SPI); the answers come during the window */
	STATE_LOSS_SIR_CHECK,
};

/*
 * What the decision module does with evidence.
 */
enum state_loss_action {
	/* delete the IKE SA without a Delete and revive, now */
	STATE_LOSS_ACT_NOW,
	/* wait a bounded window (about 2 RTT) for a protected message
	 * from the peer, which proves the evidence forged; then act */
	STATE_LOSS_ACT_AFTER_WINDOW,
	/* start a new IKE SA at once and delete the old one only when
	 * the new one is established: for evidence that is not certain */
	STATE_LOSS_MAKE_BEFORE_BREAK,
};

/*
 * Per IKE SA (struct state .st_v2_state_loss): private to
 * ikev2_state_loss.c, allocated when the IKE SA first measures a
 * round trip or gets evidence, which only IKE SAs of connections
 * that can get evidence (a QCD taker, sir=yes) do.
 */
struct v2_state_loss;
struct state;

/* free_state(): forget it */
void free_v2_state_loss(struct state *st);

/*
 * Per connection (struct connection .state_loss): when evidence last
 * tore one of its IKE SAs down (dampening).
 */
struct connection_state_loss {
	monotime_t acted;
	/*
	 * Make-before-break under way: the IKE SA the replacement
	 * names as its predecessor, and the one it will replace (the
	 * same, or that one's rekey when the peer or we rekeyed it
	 * meanwhile).
	 */
	so_serial_t replaced;
	so_serial_t replacing;
};

/*
 * The window and its bounds: 2 x the smoothed RTT of the IKE SA,
 * never less than the floor (a fast LAN still gets time to answer),
 * never more than the ceiling (recovery is delayed by at most that);
 * the default when nothing was measured yet.
 */
#define STATE_LOSS_WINDOW_FLOOR_MS	200
#define STATE_LOSS_WINDOW_CEILING_MS	2000
#define STATE_LOSS_WINDOW_DEFAULT_MS	1000

/* unprotected evidence examined per outstanding request */
#define STATE_LOSS_EXAMINE_CAP		3

/* config setup qcd-dampening= default, seconds */
#define STATE_LOSS_DAMPENING_DEFAULT_S	30

/*
 * config setup qcd-dampening=: at most one evidence-driven teardown
 * per connection within this interval (0 turns dampening off).
 */
void config_state_loss_dampening(const struct keyword_value *kv,
				 struct logger *logger);
/* qcd-dampening=, in ipsec status or --globalstatus, when not the default */
void show_state_loss_setup(struct show *s, bool globalstatus);

/*
 * May one more piece of unprotected evidence be examined against
 * the IKE SA's outstanding request MSGID?  At most
 * STATE_LOSS_EXAMINE_CAP per request, so a spray of forged replies
 * gets nowhere; counts the refusals.
 */
bool state_loss_examine_allowed(struct ike_sa *ike, uint32_t msgid);

/*
 * Evidence E (from the address FROM, for the log) that the peer of
 * *IKE lost its state.  Decides once: ignores it (a decision is
 * pending, or the connection is dampened), acts now, opens the
 * window, or starts make-before-break.  When it acts now *IKE is
 * deleted and set to NULL.
 */
void state_loss_evidence(struct ike_sa **ike, enum state_loss_evidence e,
			 const struct msg_digest *md);

/*
 * A protected message from the peer of IKE arrived (it decrypted and
 * verified): the peer has its state.  Cancels a pending decision
 * (logged: the evidence was forged) and measures the round trip.
 */
void state_loss_protected_message(struct ike_sa *ike, const struct msg_digest *md);

/*
 * An INVALID_SPI hint (RFC 7296 1.5, unprotected, so a hint only)
 * that the peer of IKE lost the Child SA it names: probe the peer
 * now, with a protected liveness request (or, when a request is
 * outstanding, by retransmitting it now, whatever its back-off), so
 * that a peer that lost its state answers, with QCD, with its token
 * within a round trip.  At most one a second per IKE SA; nothing
 * while a decision is pending.  Never deletes anything.
 */
enum state_loss_hint_action {
	STATE_LOSS_HINT_PROBED,
	STATE_LOSS_HINT_RETRANSMITTED,
	STATE_LOSS_HINT_DAMPED,
};
#define STATE_LOSS_HINT_INTERVAL_MS 1000
enum state_loss_hint_action state_loss_hint(struct ike_sa *ike);

/*
 * QCD (ikev2_qcd.c) stored the peer's token with ST (an IKE SA, or
 * the larval IKE SA of a rekey): what the peer says unprotected can
 * now be verified.
 */
void state_loss_peer_token_stored(struct state *st);

/*
 * An unprotected answer to IKE's outstanding request, or a hint, that
 * cannot be verified (no QCD token, or one that does not verify, or
 * we are no QCD taker): if something registered a way to ask the peer
 * (SIR CHECK_SPI, ikev2_sir.c, with sir=yes), it is asked; its answer
 * comes back through state_loss_sir_answer().  WHY is for the debug
 * log.
 */
void state_loss_unverifiable(struct ike_sa *ike, const char *why);
typedef bool state_loss_ask_peer_cb(struct ike_sa *ike, const char *why);
void state_loss_register_ask_peer(state_loss_ask_peer_cb *ask);

/*
 * The retransmit timeout of IKE's outstanding request: true when it
 * was a liveness probe that only an INVALID_SPI hint started, on a
 * connection without dpddelay=, and no evidence is being weighed: the
 * request is abandoned and the IKE SA kept, as stock pluto (which
 * would not have probed) keeps it.  False: time out as upstream does.
 */
bool state_loss_probe_timed_out(struct ike_sa *ike);

/*
 * Send IKE's outstanding request again now, if it has one (the peer
 * then answers within a round trip, whatever the back-off), without
 * touching the retransmit schedule or its timeout.
 */
void state_loss_retransmit_now(struct ike_sa *ike);

/*
 * SIR (sir=yes).  May a CHECK_SPI query for IKE go now?  Not while a
 * decision is pending or a replacement is under way, not when the
 * connection is dampened, at most one a second.
 */
bool state_loss_sir_query_allowed(struct ike_sa *ike);

/*
 * A CHECK_SPI query went to the peer, with a cookie made at time T:
 * opens the window (2 x RTT, bounded).  When it closes: with at least
 * one NACK, no ACK and no protected message from the peer, the
 * connection is re-established make-before-break; with a NACK and
 * an ACK or a protected message, the NACK was forged (logged,
 * counted); otherwise nothing happens (liveness decides, as before).
 */
void state_loss_sir_query_sent(struct ike_sa *ike, uint32_t t);

/*
 * A CHECK_SPI answer whose cookie verified, for the query made at
 * time T: the peer has the IKE SA (KNOWN, ACK) or does not (NACK).
 */
void state_loss_sir_answer(struct ike_sa *ike, uint32_t t, bool known);

/*
 * Is IKE, not yet established, a make-before-break replacement?  Then
 * it is not a negotiation that an established IKE SA superseded
 * (crossing streams), even when the IKE SA it replaces was rekeyed or
 * the peer brought up its own meanwhile: the peer may have it
 * established already, so it keeps retransmitting.
 */
bool state_loss_replacement(const struct ike_sa *ike);

/*
 * An IKE SA was established (v2_ike_sa_established()): when it is the
 * make-before-break replacement of an IKE SA whose peer lost its
 * state, the old one goes, with a Delete, right after this event, not
 * at the next check; when it is a rekey of the IKE SA being replaced,
 * it takes that one's place.
 */
void state_loss_ike_sa_established(struct ike_sa *ike);

/* ipsec whack --qcd-status, --globalstatus */
void show_state_loss_stats(struct show *s);
void clear_state_loss_stats(void);

#endif
