/* IKEv2 Quick Crash Detection (RFC 6290): ipsec whack --qcd-status, for libreswan
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
 *
 * The secret's state, the rate limits, each IKE SA's tokens (as
 * fingerprints, never the octets) and the counters.
 */

#include "defs.h"

#include "ikev2_qcd.h"
#include "ikev2_qcd_sa.h"
#include "ikev2_state_loss.h"		/* for show_state_loss_stats() */
#include "ikev2_unprotected.h"		/* for show_unprotected_stats() */
#include "qcd_secret.h"

#include "state.h"
#include "connections.h"
#include "log.h"
#include "show.h"
#include "ip_address.h"

/*
 * ipsec whack --qcd-status
 */

static void jam_roles(struct jambuf *buf, enum qcd_options roles)
{
	jam_string(buf, (roles == QCD_YES ? "maker+taker" :
			 roles == QCD_MAKER ? "maker" :
			 roles == QCD_TAKER ? "taker" : "none"));
}

/*
 * Each group only once a connection loaded since pluto started
 * enabled what it counts: with every feature off, --globalstatus
 * shows nothing new.
 */
void show_qcd_stats(struct show *s)
{
	if (unprotected_input_ever_enabled(QCD_ROLES)) {
		show(s, "total.qcd.tokens.sent=%ju", qcd_stats.tokens_sent);
		show(s, "total.qcd.tokens.stored=%ju", qcd_stats.tokens_stored);
		show(s, "total.qcd.tokens.malformed=%ju", qcd_stats.tokens_malformed);
		show(s, "total.qcd.tokens.replaced=%ju", qcd_stats.tokens_replaced);
		show(s, "total.qcd.replies.sent=%ju", qcd_stats.replies_sent);
		show(s, "total.qcd.replies.rate_limited=%ju", qcd_stats.replies_rate_limited);
		show(s, "total.qcd.replies.failed=%ju", qcd_stats.replies_failed);
		show(s, "total.qcd.replies.live_sa=%ju", qcd_stats.replies_live_sa);
		show(s, "total.qcd.replies.not_service=%ju", qcd_stats.replies_not_service);
		show(s, "total.qcd.replies.too_short=%ju", qcd_stats.replies_too_short);
		show(s, "total.qcd.verify.ok=%ju", qcd_stats.verified);
		show(s, "total.qcd.verify.failed=%ju", qcd_stats.verify_failed);
		show(s, "total.qcd.verify.unsolicited=%ju", qcd_stats.verify_unsolicited);
		show(s, "total.qcd.verify.not_peer=%ju", qcd_stats.verify_not_peer);
		show(s, "total.qcd.verify.no_token=%ju", qcd_stats.verify_no_token);
		show(s, "total.qcd.verify.malformed=%ju", qcd_stats.verify_malformed);
		show(s, "total.qcd.verify.rate_limited=%ju", qcd_stats.verify_rate_limited);
	}
	if (unprotected_input_ever_enabled(QCD_ROLES|QCD_SIR)) {
		show_state_loss_stats(s);
		show_unprotected_stats(s);
	}
}

void whack_qcd_status(struct show *s)
{
	SHOW_JAMBUF(s, buf) {
		jam_string(buf, "QCD (RFC 6290) secret: ");
		jam_qcd_secret_status(buf);
	}
	show_qcd_rate_limits(s);
	struct state_filter sf = {
		.search = {
			.order = OLD2NEW,
			.verbose.logger = show_logger(s),
			.where = HERE,
		},
	};
	monotime_t now = mononow();
	while (next_state(&sf)) {
		struct state *st = sf.st;
		if (st->st_ike_version != IKEv2 || !IS_IKE_SA(st)) {
			continue;
		}
		struct ike_sa *ike = pexpect_ike_sa(st);
		if (ike == NULL) {
			continue;
		}
		struct connection *c = st->st_connection;
		enum qcd_options roles = ike_qcd(ike);
		SHOW_JAMBUF(s, buf) {
			jam(buf, PRI_SO": \"%s\"", pri_so(st->st_serialno), c->name);
			jam_string(buf, ", roles=");
			jam_roles(buf, roles);
			jam_string(buf, ", sent-token=");
			struct qcd_token ours;
			/* (not make_qcd_token(): no impair, no log line) */
			if (qcd_token_sent(st) &&
			    qcd_secret_token(0, &st->st_ike_spis,
					     qcd_token_binding(&st->st_v2_qcd->token_address),
					     &ours, st->logger)) {
				/* what the peer should hold; compare with its peer-token */
				qcd_fingerprint_buf fb;
				jam(buf, "yes, fingerprint=%s", str_qcd_fingerprint(&ours, &fb, st->logger));
				if (address_is_specified(st->st_v2_qcd->token_address)) {
					jam_string(buf, ", bound-to=");
					jam_address(buf, &st->st_v2_qcd->token_address);
				}
				wipe_qcd_token(&ours);
			} else {
				jam_string(buf, qcd_token_sent(st) ? "yes" : "no");
			}
			jam_string(buf, ", peer-token=");
			if (v2_qcd_have_peer_token(st)) {
				qcd_fingerprint_buf fb;
				deltatime_buf db;
				jam(buf, "yes, fingerprint=%s, age=%ss",
				    str_qcd_digest_fingerprint(&st->st_v2_qcd->peer_token, &fb),
				    str_deltatime(monotime_diff(now, st->st_v2_qcd->peer_token_time), &db));
			} else {
				jam_string(buf, "no");
			}
		}
	}
	show_qcd_stats(s);
}

