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
 * QCD tokens masked in packet dumps (plutodebug): the octets of a
 * token never reach the log.
 */

#include <string.h>

#include "qcd_token.h"
#include "ietf_constants.h"

/*
 * RFC 7296 3.1.  The IKE Header: SPIi (8), SPIr (8), Next Payload,
 * Version, Exchange Type, Flags, Message ID (4), Length (4).
 */
#define IKE_HEADER_SIZE 28
#define NOTIFY_HEADER_SIZE 8
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
