/* RFC 6290 Quick Crash Detection (QCD) unprotected replies, for libreswan
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
 * The taker parses the reply itself, from the raw bytes, rather than
 * through pluto's payload decoder: the reply is unauthenticated, so
 * the parser is strict, small, side-effect free and unit-tested
 * (testing/programs/qcdcheck).
 */

#include <string.h>

#include "qcd_token.h"
#include "ietf_constants.h"

void wipe_qcd_reply(struct qcd_reply *reply)
{
	for (unsigned i = 0; i < QCD_MAX_TOKENS; i++) {
		wipe_qcd_token(&reply->tokens[i]);
	}
	reply->nr_tokens = 0;
	reply->invalid_ike_spi = false;
}

/*
 * RFC 7296 3.2.  Generic Payload Header, 3.10.  Notify Payload
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | Next Payload  |C|  RESERVED   |         Payload Length        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Protocol ID  |   SPI Size    |      Notify Message Type      |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ~                Security Parameter Index (SPI)                 ~
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ~                       Notification Data                       ~
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 */
#define NOTIFY_HEADER_SIZE 8

const char *qcd_next_notify(shunk_t *left, struct qcd_notify *n)
{
	const uint8_t *p = left->ptr;
	if (left->len < NOTIFY_HEADER_SIZE) {
		return "truncated Notify payload";
	}
	size_t length = ((size_t)p[2] << 8) | p[3];
	if (length < NOTIFY_HEADER_SIZE || length > left->len) {
		return "bad Notify payload length";
	}
	n->next = p[0];
	n->protoid = p[4];
	n->spisize = p[5];
	n->type = ((unsigned)p[6] << 8) | p[7];
	if (NOTIFY_HEADER_SIZE + (size_t)n->spisize > length) {
		return "bad Notify SPI size";
	}
	n->spi = shunk2(p + NOTIFY_HEADER_SIZE, n->spisize);
	n->data = shunk2(p + NOTIFY_HEADER_SIZE + n->spisize,
			 length - NOTIFY_HEADER_SIZE - n->spisize);
	*left = shunk2(p + length, left->len - length);
	return NULL;
}

const char *qcd_parse_reply(uint8_t np, shunk_t payloads, struct qcd_reply *reply)
{
	wipe_qcd_reply(reply);
	shunk_t left = payloads;

	while (np != ISAKMP_NEXT_v2NONE) {
		if (np != ISAKMP_NEXT_v2N) {
			return "payload other than Notify";
		}
		struct qcd_notify n;
		const char *diag = qcd_next_notify(&left, &n);
		if (diag != NULL) {
			return diag;
		}
		switch (n.type) {
		case v2N_INVALID_IKE_SPI:
			reply->invalid_ike_spi = true;
			break;
		case v2N_QUICK_CRASH_DETECTION:
			/* RFC 6290 4.1. */
			if (n.protoid != IKEv2_SEC_PROTO_IKE) {
				return "QUICK_CRASH_DETECTION Protocol ID is not 1 (IKE)";
			}
			if (n.spisize != 0) {
				return "QUICK_CRASH_DETECTION SPI Size is not 0";
			}
			if (reply->nr_tokens >= QCD_MAX_TOKENS) {
				return "more than 4 QUICK_CRASH_DETECTION tokens";
			}
			if (!qcd_token_from_shunk(n.data, &reply->tokens[reply->nr_tokens])) {
				return "QUICK_CRASH_DETECTION token is not 16 to 128 octets";
			}
			reply->nr_tokens++;
			break;
		default:
			/* other notifications are allowed and ignored */
			break;
		}
		np = n.next;
	}
	if (left.len != 0) {
		return "trailing bytes after the last payload";
	}
	if (!reply->invalid_ike_spi) {
		return "no INVALID_IKE_SPI notification";
	}
	if (reply->nr_tokens == 0) {
		return "no QUICK_CRASH_DETECTION token";
	}
	return NULL;
}

/*
 * RFC 7296 3.1.  The IKE Header: SPIi (8), SPIr (8), Next Payload,
 * Version, Exchange Type, Flags, Message ID (4), Length (4).
 */
#define IKE_HEADER_SIZE 28
#define IKE_HEADER_NP 16
#define IKE_HEADER_VERSION 17
#define GENERIC_PAYLOAD_HEADER_SIZE 4
#define NON_ESP_MARKER_SIZE 4

size_t qcd_mask_tokens(shunk_t message, uint8_t *buf, size_t size)
{
	const uint8_t *m = message.ptr;
	size_t len = message.len;
	/*
	 * On port 4500 a sent packet still has its non-ESP marker
	 * (four zero octets): an IKE SPIi is never zero, so four
	 * zero octets at the start can only be that marker.
	 */
	size_t start = 0;
	if (len >= NON_ESP_MARKER_SIZE + IKE_HEADER_SIZE &&
	    m[0] == 0 && m[1] == 0 && m[2] == 0 && m[3] == 0) {
		start = NON_ESP_MARKER_SIZE;
	}
	if (len < start + IKE_HEADER_SIZE || len > size) {
		return 0;
	}
	uint8_t np = m[start + IKE_HEADER_NP];
	if ((m[start + IKE_HEADER_VERSION] >> 4) != 2 ||
	    np == ISAKMP_NEXT_v2SK || np == ISAKMP_NEXT_v2SKF) {
		return 0;
	}
	bool masked = false;
	size_t at = start + IKE_HEADER_SIZE;
	while (np != ISAKMP_NEXT_v2NONE && len - at >= GENERIC_PAYLOAD_HEADER_SIZE) {
		size_t length = ((size_t)m[at + 2] << 8) | m[at + 3];
		if (length < GENERIC_PAYLOAD_HEADER_SIZE) {
			break;
		}
		/*
		 * A payload cut short (a sent packet that bounced comes
		 * back from the socket's error queue truncated to what
		 * the ICMP error quoted) ends the message; what there
		 * is of its data is masked all the same.
		 */
		size_t end = (length > len - at ? len : at + length);
		if (np == ISAKMP_NEXT_v2N && end - at >= NOTIFY_HEADER_SIZE) {
			unsigned type = ((unsigned)m[at + 6] << 8) | m[at + 7];
			size_t data = at + NOTIFY_HEADER_SIZE + m[at + 5];
			if (type == v2N_QUICK_CRASH_DETECTION && data < end) {
				if (!masked) {
					memcpy(buf, m, len);
					masked = true;
				}
				memset(buf + data, 0, end - data);
			}
		}
		if (end == len) {
			break;
		}
		np = m[at];
		at = end;
	}
	return (masked ? len : 0);
}
