/* The kernel's reports of ESP for SPIs without an SA, for libreswan
 * (Linux XFRM: its audit records)
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
 * Linux drops a packet whose SPI matches no SA inside xfrm_input(),
 * and tells nobody but the audit subsystem: with auditing on, it
 * emits an AUDIT_MAC_IPSEC_EVENT record "op=SA-notfound src= dst=
 * spi=" for each such packet, ESP and ESP-in-UDP alike, IPv4 and
 * IPv6.  Packets of known SPIs cost nothing extra and never reach
 * user space.  This reads those records from the audit multicast
 * group (turning auditing on when it was off, and off again at the
 * end) and hands each one to its caller (ikev2_invalid_spi.c).
 * Built on Linux only.
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

#include "kernel_xfrm_audit.h"
#include "xfrm_audit_notfound.h"

#include "log.h"
#include "show.h"
#include "server.h"			/* for add_fd_read_listener() */
#include "ip_address.h"

static struct {
	uintmax_t unknown_spi;		/* SA-notfound records */
	uintmax_t other;		/* other IPsec audit records */
	uintmax_t malformed;
} audit_stats;

void clear_xfrm_audit_stats(void)
{
	zero(&audit_stats);
}

void show_xfrm_audit_stats(struct show *s, const char *prefix)
{
	show(s, "%s=%ju", prefix, audit_stats.unknown_spi);
	show(s, "%s_other=%ju", prefix, audit_stats.other);
	show(s, "%s_malformed=%ju", prefix, audit_stats.malformed);
}

static struct {
	xfrm_audit_unknown_spi_cb *unknown_spi;	/* NULL: not reading */
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

bool xfrm_audit_marker_present(void)
{
	return access(AUDIT_MARKER, F_OK) == 0;
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
				audit_stats.other++;
				continue;
			}
			ip_address src, dst;
			if (ttoaddress_num(shunk1(r.src), NULL, &src) != NULL ||
			    ttoaddress_num(shunk1(r.dst), NULL, &dst) != NULL) {
				audit_stats.malformed++;
				continue;
			}
			audit_stats.unknown_spi++;
			notify.unknown_spi(src, dst, r.spi, logger);
		}
	}
}

void init_xfrm_audit_unknown_spi(xfrm_audit_unknown_spi_cb *unknown_spi,
				  struct logger *logger)
{
	bool marker = (access(AUDIT_MARKER, F_OK) == 0);
	notify.unknown_spi = unknown_spi;
	if (unknown_spi == NULL) {
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
		free_xfrm_audit_unknown_spi(logger);
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

void free_xfrm_audit_unknown_spi(struct logger *logger)
{
	/* (the fd listener goes with the event loop) */
	if (notify.audit_was_off) {
		notify.audit_was_off = false;
		restore_audit("pluto", logger);
	}
}

