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
 */

#ifndef IKEV2_UNPROTECTED_H
#define IKEV2_UNPROTECTED_H

#include <stdbool.h>
#include <stdint.h>

#include "monotime.h"
#include "ike_spi.h"
#include "ip_address.h"
#include "qcd_options.h"

struct child_sa;
struct ike_sa;
struct show;
struct msg_digest;
struct logger;

/*
 * The gate: does a loaded connection have any of WANT (QCD_MAKER,
 * QCD_TAKER, QCD_SIR)?  With none, no unprotected message is even
 * looked at.  Kept up to date when a connection is loaded (its qcd=
 * bits added) and when a root connection's configuration is discarded
 * (the others' bits recomputed, a walk at the operator's pace).
 */
bool unprotected_input_enabled(enum qcd_options want);
/* ... by a connection loaded since pluto started (its counters count) */
bool unprotected_input_ever_enabled(enum qcd_options want);
void unprotected_connection_added(enum qcd_options qcd);
void unprotected_connection_discarded(enum qcd_options qcd);

/*
 * Token buckets: RATE a second, a burst of twice that; 0 refuses
 * everything.
 */
struct rate_bucket {
	monotime_t last;
	uint32_t milli_tokens;	/* in thousandths */
};
bool take_rate_token(struct rate_bucket *b, unsigned rate, monotime_t now);

/*
 * A bucket per source address (and SALT, e.g. an SPI), found with a
 * keyed hash (SipHash, key random per pluto): nobody can pick an
 * address whose bucket is a real peer's.  Take a token only after the
 * cheap checks that tell a real peer's packet from junk.
 */
#define SOURCE_BUCKETS 4096
struct source_buckets {
	struct rate_bucket bucket[SOURCE_BUCKETS];
};
bool take_source_rate_token(struct source_buckets *sb, const ip_address *source,
			    uint32_t salt, unsigned rate, monotime_t now);

/*
 * Lookups for unprotected input, each a hash lookup (never a walk of
 * all states or connections); each state or connection they look at
 * is counted (total.unprotected.visited).
 */

/* any IKE SA with SPIS, either role, or the new SPIs of an IKE SA rekey */
bool v2_ike_spis_in_use(const ike_spis_t *spis);

/*
 * The qcd= bits of the oriented IKEv2 connections with any of WANT
 * between LOCAL and REMOTE, else between LOCAL and any peer (%any);
 * 0 when none.
 */
enum qcd_options v2_qcd_options_on_host_pair(enum qcd_options want,
					     const ip_address local,
					     const ip_address remote);

/* the Child SA whose outbound SPI is SPI and whose peer is at PEER */
struct child_sa *v2_child_sa_by_outbound_spi(uint32_t spi, const ip_address peer);

/*
 * Host-pair lookups: an answer that had to look at many connections
 * (a thousand tunnels between the same two addresses) is remembered
 * for ten seconds, or until a connection comes or goes.
 */

/* has a connection between LOCAL and REMOTE an established IKE SA? */
bool v2_have_established_ike_sa(const ip_address local, const ip_address remote);

/* the established IKE SAs of the connections between LOCAL and REMOTE (not remembered) */
typedef void (v2_ike_sa_visitor)(struct ike_sa *ike, void *context);
unsigned v2_visit_established_ike_sas(const ip_address local, const ip_address remote,
				      v2_ike_sa_visitor *visit, void *context);

/*
 * Counters: an unprotected message (or audit record) examined, and
 * the most states and connections one of them made us look at.
 */
/*
 * An unprotected message read with pluto's payload decoder
 * (ikev2_decode_payloads(), logging to LOGGER): NULL when it decodes
 * and holds Notify payloads only, nothing after the last; else what
 * is wrong.  What the notifies must be is the caller's to check.
 */
const char *decode_v2_unprotected_notifies(struct msg_digest *md, struct logger *logger);

void unprotected_packet_begin(void);
void unprotected_packet_end(void);
void show_unprotected_stats(struct show *s);
void clear_unprotected_stats(void);

#endif
