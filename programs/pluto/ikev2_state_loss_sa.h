/* IKEv2 peer state loss: the decision module's per-IKE SA record, for libreswan
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
 * Shared by the decision (ikev2_state_loss.c), its probes
 * (ikev2_state_loss_probe.c) and its action, make-before-break
 * (ikev2_make_before_break.c); nothing else includes it.
 */

#ifndef IKEV2_STATE_LOSS_SA_H
#define IKEV2_STATE_LOSS_SA_H

#include <stdbool.h>
#include <stdint.h>

#include "deltatime.h"
#include "monotime.h"
#include "ikev2_state_loss.h"		/* for enum state_loss_evidence */
#include "terminate_reason.h"

struct state;
struct ike_sa;
struct timeout;

extern struct state_loss_stats {
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
} state_loss_stats;


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
	/* the decision's window (state_loss_evidence(), SIR queries) */
	struct timeout *window;
	bool sir_contradicted;	/* a protected message arrived */
	bool peer_token;	/* QCD: the peer gave us a token */
	/* a liveness probe that a hint started is outstanding */
	bool hint_probe;
};

struct v2_state_loss *state_loss_of_state(struct state *st);
struct v2_state_loss *state_loss_of(struct ike_sa *ike);

/* is IKE the IKE SA its connection's make-before-break replaces? */
bool state_loss_replacing(const struct ike_sa *ike);

const char *state_loss_evidence_story(enum state_loss_evidence e);

/*
 * The peer has no such IKE SA (or a replacement took over): delete
 * it and its Child SAs without a Delete.
 */
void state_loss_delete_without_notification(struct ike_sa **ike, enum terminate_reason reason);

/* probe the peer's other IKE SAs (ikev2_state_loss_probe.c) */
void probe_siblings(const struct ike_sa *ike);

/* make-before-break (ikev2_make_before_break.c) */
bool can_make_before_break(const struct ike_sa *ike);
void make_before_break(struct ike_sa *ike, enum state_loss_evidence e, const char *why);

#endif
