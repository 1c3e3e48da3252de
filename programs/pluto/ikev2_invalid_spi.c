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
 * A gateway that lost its state still receives its peers' ESP.  Linux
 * drops a packet whose SPI matches no SA inside xfrm_input(), and
 * tells nobody but the audit subsystem: with auditing on, it emits
 * an AUDIT_MAC_IPSEC_EVENT record "op=SA-notfound src= dst= spi=" for
 * each such packet, ESP and ESP-in-UDP alike, IPv4 and IPv6.  Packets
 * of known SPIs cost nothing extra and never reach user space.
 *
 * The restarted side (config setup invalid-spi-notify=yes) reads those
 * records from the audit multicast group and answers each source,
 * rate limited, with the unprotected INFORMATIONAL of RFC 7296 1.5:
 * N(INVALID_SPI) naming the SPI.
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
 * work, strict parsers (lib/libswan/qcd_hint.c, unit-tested and
 * fuzzed), counters, debug-level logging only.
 */

#include <errno.h>
#include <unistd.h>
#include <fcntl.h>
#include <sys/socket.h>
#include <linux/netlink.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <stddef.h>		/* for offsetof() */
#ifdef HAVE_LIBCAP_NG
# include <cap-ng.h>
#endif

#include "defs.h"

#include "ikev2_invalid_spi.h"
#include "ikev2_unprotected.h"
#include "ikev2_state_loss.h"
#include "qcd_hint.h"

#include "state.h"
#include "connections.h"
#include "demux.h"
#include "log.h"
#include "show.h"
#include "server.h"			/* for add_fd_read_listener() */
#include "iface.h"
#include "ip_address.h"
#include "ip_endpoint.h"
#include "ip_protocol.h"
#include "rnd.h"

static struct {
	/* restarted side */
	uintmax_t records;		/* SA-notfound records read */
	uintmax_t records_other;	/* other IPsec audit records */
	uintmax_t records_bad;		/* malformed */
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
}

void show_invalid_spi_stats(struct show *s)
{
	show(s, "total.qcd.invalid_spi.records=%ju", hint_stats.records);
	show(s, "total.qcd.invalid_spi.records_other=%ju", hint_stats.records_other);
	show(s, "total.qcd.invalid_spi.records_malformed=%ju", hint_stats.records_bad);
	show(s, "total.qcd.invalid_spi.sent=%ju", hint_stats.sent);
	show(s, "total.qcd.invalid_spi.rate_limited=%ju", hint_stats.rate_limited);
	show(s, "total.qcd.invalid_spi.not_local=%ju", hint_stats.not_local);
	show(s, "total.qcd.invalid_spi.send_failed=%ju", hint_stats.send_failed);
	show(s, "total.qcd.invalid_spi.have_ike_sa=%ju", hint_stats.have_ike_sa);
	show(s, "total.qcd.hint.received=%ju", hint_stats.received);
	show(s, "total.qcd.hint.rate_limited=%ju", hint_stats.received_rate_limited);
	show(s, "total.qcd.hint.malformed=%ju", hint_stats.malformed);
	show(s, "total.qcd.hint.no_sa=%ju", hint_stats.no_sa);
	show(s, "total.qcd.hint.not_taker=%ju", hint_stats.not_taker);
	show(s, "total.qcd.hint.probed=%ju", hint_stats.probed);
	show(s, "total.qcd.hint.retransmitted=%ju", hint_stats.retransmitted);
	show(s, "total.qcd.hint.damped=%ju", hint_stats.damped);
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
	int fd;				/* audit multicast, or -1 */
	bool audit_was_off;		/* we turned auditing on */
} notify = { .fd = -1, };

/*
 * pluto turns auditing on when it was off, and off again when it
 * stops; this file says it did, so that a pluto that crashed with
 * auditing on is put right by the next one (on, or off again when
 * the option went away).
 */
#define AUDIT_MARKER IPSEC_RUNDIR "/invalid-spi-audit"

void config_invalid_spi_notify(bool enabled)
{
	notify.enabled = enabled;
}

bool invalid_spi_notify_enabled(void)
{
	return notify.enabled || access(AUDIT_MARKER, F_OK) == 0;
}

/* one request to the kernel's audit control; 0 or an errno */
static int audit_control(uint16_t type, const void *data, size_t len,
			 struct audit_status *status)
{
	int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_AUDIT);
	if (fd < 0) {
		return errno;
	}
	struct timeval tv = { .tv_sec = 2, };
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	struct {
		struct nlmsghdr n;
		struct audit_status s;
	} req = {
		.n = {
			.nlmsg_len = NLMSG_LENGTH(len),
			.nlmsg_type = type,
			.nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK,
			.nlmsg_seq = 1,
		},
	};
	if (len > 0) {
		memcpy(&req.s, data, len);
	}
	struct sockaddr_nl kernel = { .nl_family = AF_NETLINK, };
	if (sendto(fd, &req, req.n.nlmsg_len, 0,
		   (struct sockaddr *)&kernel, sizeof(kernel)) < 0) {
		int e = errno;
		close(fd);
		return e;
	}
	int result = ETIMEDOUT;
	bool got_status = (status == NULL);
	bool acked = false;
	for (unsigned reads = 0; reads < 4 && !(acked && got_status); reads++) {
		char buf[1024] __attribute__((aligned(NLMSG_ALIGNTO)));
		ssize_t n = recv(fd, buf, sizeof(buf), 0);
		if (n < 0) {
			result = errno;
			break;
		}
		int len = (int)n;	/* (NLMSG_NEXT() may take it below 0) */
		for (struct nlmsghdr *h = (struct nlmsghdr *)buf;
		     NLMSG_OK(h, len); h = NLMSG_NEXT(h, len)) {
			if (h->nlmsg_type == NLMSG_ERROR &&
			    h->nlmsg_len >= NLMSG_LENGTH(sizeof(struct nlmsgerr))) {
				const struct nlmsgerr *e = NLMSG_DATA(h);
				acked = true;
				result = -e->error;
			} else if (h->nlmsg_type == AUDIT_GET && status != NULL &&
				   h->nlmsg_len >= NLMSG_LENGTH(sizeof(uint32_t) * 2)) {
				size_t have = h->nlmsg_len - NLMSG_LENGTH(0);
				memset(status, 0, sizeof(*status));
				memcpy(status, NLMSG_DATA(h),
				       have < sizeof(*status) ? have : sizeof(*status));
				got_status = true;
			}
		}
	}
	close(fd);
	return (acked && got_status ? result : (result == 0 ? EPROTO : result));
}

static int set_audit_enabled(uint32_t enabled)
{
	struct audit_status s = {
		.mask = AUDIT_STATUS_ENABLED,
		.enabled = enabled,
	};
	return audit_control(AUDIT_SET, &s, sizeof(s), NULL);
}

/*
 * Turn auditing off again, which pluto turned on, unless someone else
 * uses it by now: an audit daemon registered (auditd), or the
 * configuration locked (auditctl -e 2).  Said at operator level
 * either way: auditing is the operator's.
 */
static void restore_audit(const char *who, struct logger *logger)
{
	struct audit_status status;
	int e = audit_control(AUDIT_GET, NULL, 0, &status);
	if (e != 0) {
		llog(RC_LOG, logger,
		     "invalid-spi-notify: cannot read the kernel's audit status (%s); leaving auditing as it is, which %s turned on",
		     strerror(e), who);
	} else if (status.enabled != 1 || status.pid != 0) {
		llog(RC_LOG, logger,
		     "invalid-spi-notify: leaving the kernel's audit subsystem as it is, which %s turned on: %s",
		     who, (status.enabled == 0 ? "someone turned it off meanwhile" :
			   status.enabled == 2 ? "its configuration is locked (auditctl -e 2)" :
			   "an audit daemon uses it now"));
	} else {
		e = set_audit_enabled(0);
		if (e == 0) {
			llog(RC_LOG, logger,
			     "invalid-spi-notify: turned the kernel's audit subsystem off again, which %s turned on",
			     who);
		} else {
			llog(RC_LOG, logger,
			     "invalid-spi-notify: cannot turn the kernel's audit subsystem off again, which %s turned on (%s)",
			     who, strerror(e));
		}
	}
	unlink(AUDIT_MARKER);
}

/*
 * Keep only the audit capabilities still needed: CAP_AUDIT_READ only
 * to join the audit multicast group (done), CAP_AUDIT_CONTROL only to
 * turn auditing off again at the end, when pluto turned it on.  Called
 * before pluto starts its helper threads (capabilities are per
 * thread).
 */
static void drop_audit_capabilities(bool keep_control, struct logger *logger)
{
#ifdef HAVE_LIBCAP_NG
	if (capng_get_caps_process() != 0 ||
	    capng_updatev(CAPNG_DROP, CAPNG_EFFECTIVE | CAPNG_PERMITTED,
			  CAP_AUDIT_READ, (keep_control ? -1 : CAP_AUDIT_CONTROL), -1) != 0 ||
	    capng_apply(CAPNG_SELECT_CAPS) != 0) {
		llog(RC_LOG, logger,
		     "invalid-spi-notify: libcap-ng could not drop CAP_AUDIT_READ%s",
		     (keep_control ? "" : " and CAP_AUDIT_CONTROL"));
		return;
	}
	ldbg(logger, "audit capabilities: dropped CAP_AUDIT_READ%s",
	     (keep_control ? " (CAP_AUDIT_CONTROL kept, to turn auditing off at the end)" :
	      " and CAP_AUDIT_CONTROL"));
#else
	(void)keep_control;
	(void)logger;
#endif
}

/* a hint goes to port 500 (plain ESP) and 4500 (ESP-in-UDP, marker) */
static const unsigned hint_ports[] = { IKE_UDP_PORT, NAT_IKE_UDP_PORT, };

/*
 * The hint to SRC from IFPS, our endpoints on DST for each of
 * hint_ports[] (either may be NULL).
 */
static void send_invalid_spi_hint_from(const struct xfrm_audit_notfound *r,
				       const ip_address src, const ip_address dst,
				       struct iface_endpoint *const ifps[elemsof(hint_ports)],
				       struct logger *logger)
{
	/* one hint a second per (source, SPI) is all a peer needs */
	static struct rate_bucket all;
	static struct source_buckets peers, spis;
	monotime_t now = mononow();
	if (!take_source_rate_token(&spis, &src, r->spi, HINT_SEND_SPI_RATE, now)) {
		hint_stats.rate_limited++;
		return;
	}

	/*
	 * RFC 7296 1.5: only when no suitable IKE SA exists (a hash
	 * lookup of the connections between the two addresses).
	 */
	if (v2_have_established_ike_sa(dst, src)) {
		hint_stats.have_ike_sa++;
		ldbg(logger, "INVALID_SPI: ESP from %s for unknown SPI 0x%08x, but we have an IKE SA with it; no hint",
		     r->src, ntohl(r->spi));
		return;
	}

	/* the other rate limits before any packet is built */
	if (!take_source_rate_token(&peers, &src, 0, HINT_SEND_PEER_RATE, now) ||
	    !take_rate_token(&all, HINT_SEND_RATE, now)) {
		hint_stats.rate_limited++;
		return;
	}

	uint8_t spii[8];
	get_rnd_bytes(spii, sizeof(spii));
	uint8_t buf[4 + INVALID_SPI_HINT_SIZE] = {0};
	bool sent = false;
	for (unsigned i = 0; i < elemsof(hint_ports); i++) {
		struct iface_endpoint *ifp = ifps[i];
		if (ifp == NULL) {
			continue;
		}
		/* on port 4500 an IKE message has a non-ESP marker */
		size_t marker = (ifp->esp_encapsulation_enabled ? 4 : 0);
		memset(buf, 0, marker);
		size_t len = build_invalid_spi_hint(spii, r->spi, buf + marker,
						    sizeof(buf) - marker);
		ip_endpoint remote = endpoint_from_address_protocol_port(src, &ip_protocol_udp,
									 ip_hport(hint_ports[i]));
		if (len > 0 &&
		    ifp->io->write_packet(ifp, shunk2(buf, marker + len), &remote, logger) ==
		    (ssize_t)(marker + len)) {
			sent = true;
		}
	}
	if (!sent) {
		hint_stats.send_failed++;
		return;
	}
	hint_stats.sent++;
	ldbg(logger, "INVALID_SPI: ESP from %s to %s for unknown SPI 0x%08x; sent an unprotected INVALID_SPI (ports 500 and 4500)",
	     r->src, r->dst, ntohl(r->spi));
}

static void send_invalid_spi_hint(const struct xfrm_audit_notfound *r,
				  struct logger *logger)
{
	ip_address src, dst;
	if (ttoaddress_num(shunk1(r->src), NULL, &src) != NULL ||
	    ttoaddress_num(shunk1(r->dst), NULL, &dst) != NULL) {
		hint_stats.records_bad++;
		return;
	}

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
		return;
	}

	send_invalid_spi_hint_from(r, src, dst, ifps, logger);

	for (unsigned i = 0; i < elemsof(hint_ports); i++) {
		iface_endpoint_delref(&ifps[i]);
	}
}

/*
 * Audit messages read per wakeup.  pluto reads one IKE packet per
 * wakeup of an IKE socket (process_iface_packet()); reading more
 * audit messages than that would let a flood of ESP for unknown SPIs
 * (one audit record each) starve IKE: measured with make bench-flood,
 * 64 per wakeup left east reading 11 IKE datagrams a second while the
 * kernel dropped 2,000 a second for a full socket buffer, legitimate
 * IKE_SA_INIT requests among them.  What is not read in time the
 * kernel drops (the audit socket's buffer): hints are best effort,
 * and one a second per (source, SPI) is all that is sent anyway.
 */
#define AUDIT_MESSAGES_PER_WAKEUP 1

static void read_audit_records(int fd, void *arg UNUSED, struct logger *logger)
{
	/* bounded work per wakeup; the rest waits for the next one */
	for (unsigned i = 0; i < AUDIT_MESSAGES_PER_WAKEUP; i++) {
		char buf[8192] __attribute__((aligned(NLMSG_ALIGNTO)));
		ssize_t n = recv(fd, buf, sizeof(buf), MSG_DONTWAIT);
		if (n <= 0) {
			return;
		}
		int len = (int)n;	/* (NLMSG_NEXT() may take it below 0) */
		for (struct nlmsghdr *h = (struct nlmsghdr *)buf;
		     NLMSG_OK(h, len); h = NLMSG_NEXT(h, len)) {
			if (h->nlmsg_type != AUDIT_MAC_IPSEC_EVENT) {
				continue;
			}
			shunk_t text = shunk2(NLMSG_DATA(h), h->nlmsg_len - NLMSG_LENGTH(0));
			struct xfrm_audit_notfound r;
			const char *diag = parse_xfrm_audit_notfound(text, &r);
			if (diag != NULL) {
				/* SA-add, SAD-delete, ... of our own SAs: not ours to read */
				hint_stats.records_other++;
				continue;
			}
			hint_stats.records++;
			unprotected_packet_begin();
			send_invalid_spi_hint(&r, logger);
			unprotected_packet_end();
		}
	}
}

void init_invalid_spi_notify(struct logger *logger)
{
	bool marker = (access(AUDIT_MARKER, F_OK) == 0);
	if (!notify.enabled) {
		if (marker) {
			/* an earlier pluto turned auditing on and died */
			restore_audit("an earlier pluto", logger);
			drop_audit_capabilities(false, logger);
		}
		return;
	}

	struct audit_status status;
	int e = audit_control(AUDIT_GET, NULL, 0, &status);
	if (e != 0) {
		llog(RC_LOG, logger,
		     "invalid-spi-notify=yes: cannot use the kernel's audit subsystem (%s); not answering ESP for unknown SPIs",
		     strerror(e));
		drop_audit_capabilities(false, logger);
		return;
	}
	if (status.enabled == 0) {
		e = set_audit_enabled(1);
		if (e != 0) {
			llog(RC_LOG, logger,
			     "invalid-spi-notify=yes: cannot turn the kernel's audit subsystem on (%s); not answering ESP for unknown SPIs",
			     strerror(e));
			drop_audit_capabilities(false, logger);
			return;
		}
		notify.audit_was_off = true;
		int m = open(AUDIT_MARKER, O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
		if (m >= 0) {
			close(m);
		}
	} else if (marker && status.enabled == 1 && status.pid == 0) {
		/* on since an earlier pluto turned it on: still ours */
		notify.audit_was_off = true;
	} else if (marker) {
		/* an audit daemon took it over meanwhile: not ours */
		unlink(AUDIT_MARKER);
	}

	int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC | SOCK_NONBLOCK, NETLINK_AUDIT);
	struct sockaddr_nl group = {
		.nl_family = AF_NETLINK,
		.nl_groups = 1 << (AUDIT_NLGRP_READLOG - 1),
	};
	/* only AUDIT_MAC_IPSEC_EVENT records reach pluto */
	struct sock_filter code[] = {
		BPF_STMT(BPF_LD | BPF_H | BPF_ABS, offsetof(struct nlmsghdr, nlmsg_type)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, htons(AUDIT_MAC_IPSEC_EVENT), 0, 1),
		BPF_STMT(BPF_RET | BPF_K, 0xffff),
		BPF_STMT(BPF_RET | BPF_K, 0),
	};
	struct sock_fprog prog = { .len = elemsof(code), .filter = code, };
	int rcvbuf = 256 * 1024;
	if (fd < 0 ||
	    setsockopt(fd, SOL_SOCKET, SO_ATTACH_FILTER, &prog, sizeof(prog)) < 0 ||
	    bind(fd, (struct sockaddr *)&group, sizeof(group)) < 0) {
		e = errno;
		if (fd >= 0) {
			close(fd);
		}
		llog(RC_LOG, logger,
		     "invalid-spi-notify=yes: cannot read the kernel's audit records (%s); not answering ESP for unknown SPIs",
		     strerror(e));
		free_invalid_spi_notify(logger);
		drop_audit_capabilities(false, logger);
		return;
	}
	/* a burst that overflows is lost, and rate limited anyway */
	setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &rcvbuf, sizeof(rcvbuf));
	notify.fd = fd;
	add_fd_read_listener(fd, "kernel audit records (invalid-spi-notify)",
			     read_audit_records, NULL);
	llog(RC_LOG, logger,
	     "invalid-spi-notify: answering ESP for unknown SPIs with INVALID_SPI, from the kernel's audit records%s",
	     (notify.audit_was_off ? " (auditing turned on until pluto stops)" : ""));
	drop_audit_capabilities(notify.audit_was_off, logger);
}

void free_invalid_spi_notify(struct logger *logger)
{
	/* (the fd listener goes with the event loop) */
	if (notify.audit_was_off) {
		notify.audit_was_off = false;
		restore_audit("pluto", logger);
	}
}

/*
 * The survivor.
 */

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

	struct invalid_spi_hint hint;
	const char *diag = parse_invalid_spi_hint(md->hdr.isa_np,
						  pbs_in_left(&md->message_pbs), &hint);
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
