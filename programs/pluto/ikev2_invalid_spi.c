/* INVALID_SPI hints for ESP with unknown SPIs (RFC 7296 1.5), for libreswan
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
 * A gateway that lost its state still receives its peers' ESP.  The
 * kernel layer reports each packet for an SPI it has no SA for
 * (Linux: kernel_xfrm_audit.c, from XFRM's audit records).
 *
 * The restarted side (config setup invalid-spi-notify=yes) answers
 * each source, rate limited, with the unprotected INFORMATIONAL of
 * RFC 7296 1.5: N(INVALID_SPI) naming the SPI.
 *
 * The survivor treats such a message as a hint, never as proof: if
 * the SPI is one of its outbound Child SA SPIs and the message came
 * from that Child SA's peer, the decision module
 * (ikev2_state_loss.c) makes the parent IKE SA probe the peer at once
 * (or retransmit its outstanding request at once); with QCD the
 * peer's answer then carries its token.  A hint alone deletes
 * nothing.
 *
 * Everything here reads unauthenticated input: rate limits before
 * work, pluto's payload decoder and strict checks of what it found
 * (fuzzed: testing/fuzz/fuzz_invalid_spi_hint.c), counters,
 * debug-level logging only.
 */

#include "defs.h"

#include "ikev2_invalid_spi.h"
#include "ikev2_unprotected.h"
#include "ikev2_state_loss.h"
#ifdef KERNEL_XFRM
#include "kernel_xfrm_audit.h"
#endif

#include "state.h"
#include "connections.h"
#include "demux.h"
#include "log.h"
#include "show.h"
#include "send.h"			/* for send_pbs_out_from_iface() */
#include "packet.h"
#include "ikev2.h"			/* for ikev2_decode_payloads() */
#include "ikev2_notification.h"		/* for emit_v2N_bytes() */
#include "ike_spi.h"			/* for ike_initiator_spi() */
#include "iface.h"
#include "ip_address.h"
#include "ip_endpoint.h"
#include "ip_protocol.h"
#include "rnd.h"

static struct {
	/* restarted side */
	uintmax_t sent;			/* hints sent */
	uintmax_t rate_limited;
	uintmax_t not_local;		/* no interface of ours on dst */
	uintmax_t send_failed;
	uintmax_t have_ike_sa;		/* we do know the peer */
	/* survivor */
	uintmax_t received;
	uintmax_t received_rate_limited;
	uintmax_t malformed;
	uintmax_t no_sa;		/* no outbound SPI of ours with that peer */
	uintmax_t not_taker;
	uintmax_t probed;
	uintmax_t retransmitted;
	uintmax_t damped;		/* per-IKE SA limit, or a decision pending */
} hint_stats;

void clear_invalid_spi_stats(void)
{
	zero(&hint_stats);
#ifdef KERNEL_XFRM
	clear_xfrm_audit_stats();
#endif
}

/*
 * Each side's counters once it is enabled (invalid-spi-notify=; a
 * connection with qcd=taker or sir=yes loaded since pluto started).
 */
void show_invalid_spi_stats(struct show *s)
{
	if (invalid_spi_notify_enabled()) {
#ifdef KERNEL_XFRM
		show_xfrm_audit_stats(s, "total.hint.notify.records");
#endif
		show(s, "total.hint.notify.sent=%ju", hint_stats.sent);
		show(s, "total.hint.notify.rate_limited=%ju", hint_stats.rate_limited);
		show(s, "total.hint.notify.not_local=%ju", hint_stats.not_local);
		show(s, "total.hint.notify.send_failed=%ju", hint_stats.send_failed);
		show(s, "total.hint.notify.have_ike_sa=%ju", hint_stats.have_ike_sa);
	}
	if (unprotected_input_ever_enabled(QCD_TAKER|QCD_SIR)) {
		show(s, "total.hint.received=%ju", hint_stats.received);
		show(s, "total.hint.rate_limited=%ju", hint_stats.received_rate_limited);
		show(s, "total.hint.malformed=%ju", hint_stats.malformed);
		show(s, "total.hint.no_sa=%ju", hint_stats.no_sa);
		show(s, "total.hint.not_taker=%ju", hint_stats.not_taker);
		show(s, "total.hint.probed=%ju", hint_stats.probed);
		show(s, "total.hint.retransmitted=%ju", hint_stats.retransmitted);
		show(s, "total.hint.damped=%ju", hint_stats.damped);
	}
}

/*
 * Rate limits (per second; a bucket holds twice as many).
 *
 * Restarted side: all hints; per source address; per source and SPI
 * (one SA's peer needs one hint a second, not one per packet).
 * Survivor: all hints; per source address.  Sized for a gateway pair
 * with many tunnels between the same two addresses: each SA gets its
 * hint within a second or two, while a flood from one address (with
 * made-up SPIs) gets no more than the per-source share.
 */
#define HINT_SEND_RATE 500
#define HINT_SEND_PEER_RATE 100
#define HINT_SEND_SPI_RATE 1
#define HINT_RECV_RATE 500
#define HINT_RECV_PEER_RATE 100

/*
 * The restarted side.
 */

static struct {
	bool enabled;			/* invalid-spi-notify=yes */
} notify;

void config_invalid_spi_notify(bool enabled)
{
	notify.enabled = enabled;
}

/* config setup, as show_qcd_setup(): only when on */
void show_invalid_spi_notify_setup(struct show *s, bool globalstatus)
{
	if (notify.enabled) {
		show(s, (globalstatus ? "config.setup.invalid_spi_notify=yes" :
			 "invalid-spi-notify=yes"));
	}
}

bool invalid_spi_notify_enabled(void)
{
#ifdef KERNEL_XFRM
	return notify.enabled || xfrm_audit_marker_present();
#else
	return notify.enabled;
#endif
}

/* a hint goes to port 500 (plain ESP) and 4500 (ESP-in-UDP, marker) */
static const unsigned hint_ports[] = { IKE_UDP_PORT, NAT_IKE_UDP_PORT, };

/*
 * RFC 7296 1.5: "If an ESP or AH packet arrives with an unrecognized
 * SPI ... the recipient MAY send an unprotected INFORMATIONAL",
 * here a request (I set, Message ID 0) with a fresh SPIi and a zero
 * SPIr, carrying N(INVALID_SPI) with the SPI as its data.
 */

static bool send_v2_INVALID_SPI_hint(const struct iface_endpoint *ifp,
				     ip_endpoint remote, ipsec_spi_t spi,
				     struct logger *logger)
{
	uint8_t buf[MIN_OUTPUT_UDP_SIZE];
	struct pbs_out packet = open_pbs_out("INVALID_SPI hint", buf, sizeof(buf), logger);
	struct isakmp_hdr hdr = {
		.isa_ike_initiator_spi = ike_initiator_spi(),
		.isa_version = (IKEv2_MAJOR_VERSION << ISA_MAJ_SHIFT) | IKEv2_MINOR_VERSION,
		.isa_xchg = ISAKMP_v2_INFORMATIONAL,
		.isa_flags = ISAKMP_FLAGS_v2_IKE_I,
	};
	struct pbs_out body;
	if (!pbs_out_struct(&packet, &isakmp_hdr_desc, &hdr, sizeof(hdr), &body) ||
	    !emit_v2N_bytes(v2N_INVALID_SPI, &spi, sizeof(spi), &body)) {
		return false;
	}
	close_output_pbs(&body);
	close_output_pbs(&packet);
	return send_pbs_out_from_iface(ifp, remote, "INVALID_SPI hint", &packet, logger);
}

/*
 * The hint to SRC from IFPS, our endpoints on DST for each of
 * hint_ports[] (either may be NULL).
 */
static void send_invalid_spi_hint_from(ip_address src, ip_address dst, ipsec_spi_t spi,
				       struct iface_endpoint *const ifps[elemsof(hint_ports)],
				       struct logger *logger)
{
	/* one hint a second per (source, SPI) is all a peer needs */
	static struct rate_bucket all;
	static struct source_buckets peers, spis;
	monotime_t now = mononow();
	if (!take_source_rate_token(&spis, &src, spi, HINT_SEND_SPI_RATE, now)) {
		hint_stats.rate_limited++;
		return;
	}

	/*
	 * RFC 7296 1.5: only when no suitable IKE SA exists (a hash
	 * lookup of the connections between the two addresses).
	 */
	address_buf sb, db;
	if (v2_have_established_ike_sa(dst, src)) {
		hint_stats.have_ike_sa++;
		ldbg(logger, "INVALID_SPI: ESP from %s for unknown SPI 0x%08x, but we have an IKE SA with it; no hint",
		     str_address(&src, &sb), ntohl(spi));
		return;
	}

	/* the other rate limits before any packet is built */
	if (!take_source_rate_token(&peers, &src, 0, HINT_SEND_PEER_RATE, now) ||
	    !take_rate_token(&all, HINT_SEND_RATE, now)) {
		hint_stats.rate_limited++;
		return;
	}

	bool sent = false;
	for (unsigned i = 0; i < elemsof(hint_ports); i++) {
		if (ifps[i] != NULL) {
			ip_endpoint remote = endpoint_from_address_protocol_port(src, &ip_protocol_udp,
										 ip_hport(hint_ports[i]));
			/* (on port 4500 the helper adds the non-ESP marker) */
			sent |= send_v2_INVALID_SPI_hint(ifps[i], remote, spi, logger);
		}
	}
	if (!sent) {
		/* counted, not logged: the ESP that asked for it is unauthenticated */
		hint_stats.send_failed++;
		ldbg(logger, "INVALID_SPI: ESP from %s for unknown SPI 0x%08x; sending the unprotected INVALID_SPI failed",
		     str_address(&src, &sb), ntohl(spi));
		return;
	}
	hint_stats.sent++;
	ldbg(logger, "INVALID_SPI: ESP from %s to %s for unknown SPI 0x%08x; sent an unprotected INVALID_SPI (ports 500 and 4500)",
	     str_address(&src, &sb), str_address(&dst, &db), ntohl(spi));
}

static void send_invalid_spi_hint(ip_address src, ip_address dst, ipsec_spi_t spi,
				  struct logger *logger)
{
	unprotected_packet_begin();
	/*
	 * Our interfaces on DST (none yet while pluto starts: such a
	 * record is dropped before it uses up a rate-limit token).
	 * Each one found is a reference, released below.
	 */
	struct iface_endpoint *ifps[elemsof(hint_ports)];
	bool local = false;
	for (unsigned i = 0; i < elemsof(hint_ports); i++) {
		ip_endpoint e = endpoint_from_address_protocol_port(dst, &ip_protocol_udp,
								    ip_hport(hint_ports[i]));
		ifps[i] = find_iface_endpoint_by_local_endpoint(e);
		local |= (ifps[i] != NULL);
	}
	if (!local) {
		hint_stats.not_local++;
	} else {
		send_invalid_spi_hint_from(src, dst, spi, ifps, logger);
	}
	for (unsigned i = 0; i < elemsof(hint_ports); i++) {
		iface_endpoint_delref(&ifps[i]);
	}
	unprotected_packet_end();
}

void init_invalid_spi_notify(struct logger *logger)
{
#ifdef KERNEL_XFRM
	init_xfrm_audit_unknown_spi((notify.enabled ? send_invalid_spi_hint : NULL), logger);
#else
	if (notify.enabled) {
		llog(RC_LOG, logger,
		     "invalid-spi-notify=yes: this kernel interface does not report ESP for unknown SPIs; not answering them");
	}
#endif
}

void free_invalid_spi_notify(struct logger *logger)
{
#ifdef KERNEL_XFRM
	free_xfrm_audit_unknown_spi(logger);
#else
	(void)logger;
#endif
}

/*
 * The survivor.
 */

/*
 * Through pluto's payload decoder: Notify payloads only, at most
 * four, at least one of them INVALID_SPI; each INVALID_SPI has
 * Protocol ID 0, AH or ESP and carries exactly one SPI, not 0, as its
 * data (RFC 7296 1.5) or in its SPI field.
 */

const char *decode_v2_INVALID_SPI_hint(struct msg_digest *md,
				       struct v2_invalid_spi_hint *hint)
{
	*hint = (struct v2_invalid_spi_hint) {0};
	const char *diag = decode_v2_unprotected_notifies(md, md->logger);
	if (diag != NULL) {
		return diag;
	}
	unsigned notifies = 0;
	for (const struct payload_digest *pd = md->chain[ISAKMP_NEXT_v2N];
	     pd != NULL; pd = pd->next) {
		if (++notifies > INVALID_SPI_HINT_MAX) {
			return "too many Notify payloads";
		}
		const struct ikev2_notify *n = &pd->payload.v2n;
		if (n->isan_type != v2N_INVALID_SPI) {
			continue;
		}
		if (n->isan_protoid != PROTO_v2_RESERVED &&
		    n->isan_protoid != PROTO_v2_AH && n->isan_protoid != PROTO_v2_ESP) {
			return "INVALID_SPI Protocol ID is not 0, AH or ESP";
		}
		/* the SPI: in the data (RFC 7296 1.5) or the SPI field */
		shunk_t rest = pbs_in_left(&pd->pbs);
		if ((n->isan_spisize != 0 && n->isan_spisize != sizeof(ipsec_spi_t)) ||
		    rest.len != sizeof(ipsec_spi_t)) {
			return "INVALID_SPI does not carry exactly one 4-octet SPI";
		}
		ipsec_spi_t spi;
		memcpy(&spi, rest.ptr, sizeof(spi));
		if (spi == 0) {
			return "INVALID_SPI names SPI 0";
		}
		hint->spis[hint->nr_spis++] = spi;
	}
	if (hint->nr_spis == 0) {
		return "no INVALID_SPI notification";
	}
	return NULL;
}

bool process_v2_INVALID_SPI_hint(struct msg_digest *md)
{
	/* RFC 7296 1.5: an unprotected INFORMATIONAL request, I set */
	if (v2_msg_role(md) != MESSAGE_REQUEST ||
	    md->hdr.isa_xchg != ISAKMP_v2_INFORMATIONAL ||
	    md->hdr.isa_np != ISAKMP_NEXT_v2N ||
	    !unprotected_input_enabled(QCD_TAKER|QCD_SIR)) {
		return false;
	}
	hint_stats.received++;

	struct v2_invalid_spi_hint hint;
	const char *diag = decode_v2_INVALID_SPI_hint(md, &hint);
	if (diag != NULL) {
		hint_stats.malformed++;
		ldbg(md->logger, "INVALID_SPI hint: ignored: %s", diag);
		return true;
	}

	ip_address from = endpoint_address(md->sender);
	for (unsigned i = 0; i < hint.nr_spis; i++) {
		/* a hash lookup: the Child SA with that outbound SPI and peer */
		struct child_sa *child = v2_child_sa_by_outbound_spi(hint.spis[i], from);
		if (child == NULL) {
			hint_stats.no_sa++;
			ldbg(md->logger, "INVALID_SPI hint: SPI 0x%08x is none of our outbound SPIs with that peer; ignored",
			     ntohl(hint.spis[i]));
			continue;
		}
		struct ike_sa *ike = ike_sa(&child->sa, HERE);
		if (ike == NULL) {
			hint_stats.no_sa++;
			continue;
		}
		if (!(ike->sa.st_connection->config->qcd & (QCD_TAKER|QCD_SIR))) {
			hint_stats.not_taker++;
			ldbg(child->sa.logger, "INVALID_SPI hint: the connection is neither a QCD taker nor sir=yes; ignored");
			continue;
		}
		/*
		 * Only a hint that names a Child SA of its sender's
		 * uses up the rate limits (a flood of made-up SPIs
		 * costs a lookup each, as any IKE message does).
		 */
		static struct rate_bucket all;
		static struct source_buckets peers;
		monotime_t now = mononow();
		if (!take_source_rate_token(&peers, &from, 0, HINT_RECV_PEER_RATE, now) ||
		    !take_rate_token(&all, HINT_RECV_RATE, now)) {
			hint_stats.received_rate_limited++;
			return true;
		}
		switch (state_loss_hint(ike)) {
		case STATE_LOSS_HINT_PROBED:
			hint_stats.probed++;
			break;
		case STATE_LOSS_HINT_RETRANSMITTED:
			hint_stats.retransmitted++;
			break;
		case STATE_LOSS_HINT_DAMPED:
			hint_stats.damped++;
			break;
		}
	}
	return true;
}
