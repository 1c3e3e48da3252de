/* INVALID_SPI hints (RFC 7296 1.5), for libreswan
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
 * Both inputs parsed here come from outside pluto unauthenticated (an
 * unprotected IKE message; a kernel record whose addresses and SPI an
 * attacker chose), so the parsers are strict, small, side-effect
 * free and unit-tested (testing/programs/qcdcheck).
 */

#include <string.h>
#include <arpa/inet.h>		/* for htonl() */

#include "qcd_hint.h"
#include "qcd_token.h"		/* for qcd_next_notify() */
#include "ietf_constants.h"

#define IKE_HEADER_SIZE 28
#define NOTIFY_HEADER_SIZE 8

size_t build_invalid_spi_hint(const uint8_t spii[8], uint32_t spi,
			      uint8_t *buf, size_t size)
{
	if (size < INVALID_SPI_HINT_SIZE) {
		return 0;
	}
	uint8_t *p = buf;
	memset(p, 0, INVALID_SPI_HINT_SIZE);
	/* RFC 7296 3.1: IKE header */
	memcpy(p, spii, 8);			/* SPIi; SPIr stays zero */
	p[16] = ISAKMP_NEXT_v2N;		/* Next Payload */
	p[17] = 0x20;				/* Version 2.0 */
	p[18] = ISAKMP_v2_INFORMATIONAL;	/* Exchange Type */
	p[19] = ISAKMP_FLAGS_v2_IKE_I;		/* I, not R */
	/* Message ID 0 */
	p[24] = 0; p[25] = 0; p[26] = 0; p[27] = INVALID_SPI_HINT_SIZE;
	/* RFC 7296 3.10: Notify payload */
	p += IKE_HEADER_SIZE;
	p[0] = ISAKMP_NEXT_v2NONE;
	p[3] = NOTIFY_HEADER_SIZE + 4;		/* Payload Length */
	/* Protocol ID 0, SPI Size 0: the SPI is the data */
	p[6] = v2N_INVALID_SPI >> 8;
	p[7] = v2N_INVALID_SPI & 0xff;
	memcpy(p + NOTIFY_HEADER_SIZE, &spi, 4);
	return INVALID_SPI_HINT_SIZE;
}

const char *parse_invalid_spi_hint(uint8_t np, shunk_t payloads,
				   struct invalid_spi_hint *hint)
{
	memset(hint, 0, sizeof(*hint));
	shunk_t left = payloads;
	unsigned notifies = 0;

	while (np != ISAKMP_NEXT_v2NONE) {
		if (np != ISAKMP_NEXT_v2N) {
			return "payload other than Notify";
		}
		if (++notifies > INVALID_SPI_HINT_MAX) {
			return "too many Notify payloads";
		}
		struct qcd_notify n;
		const char *diag = qcd_next_notify(&left, &n);
		if (diag != NULL) {
			return diag;
		}
		if (n.type == v2N_INVALID_SPI) {
			if (n.protoid != PROTO_v2_RESERVED &&
			    n.protoid != PROTO_v2_AH && n.protoid != PROTO_v2_ESP) {
				return "INVALID_SPI Protocol ID is not 0, AH or ESP";
			}
			/* the SPI: in the data (RFC 7296 1.5) or the SPI field */
			shunk_t spi = (n.spisize == 0 ? n.data : n.spi);
			if (spi.len != 4 || (n.spisize != 0 && n.data.len != 0)) {
				return "INVALID_SPI does not carry exactly one 4-octet SPI";
			}
			uint32_t v;
			memcpy(&v, spi.ptr, 4);
			if (v == 0) {
				return "INVALID_SPI names SPI 0";
			}
			hint->spis[hint->nr_spis++] = v;
		}
		np = n.next;
	}
	if (left.len != 0) {
		return "trailing bytes after the last payload";
	}
	if (hint->nr_spis == 0) {
		return "no INVALID_SPI notification";
	}
	return NULL;
}

#define AUDIT_RECORD_MAX 512
#define AUDIT_FIELDS_MAX 16

static bool address_chars(shunk_t v, char *out, size_t size)
{
	if (v.len == 0 || v.len >= size) {
		return false;
	}
	for (size_t i = 0; i < v.len; i++) {
		char c = ((const char *)v.ptr)[i];
		if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
		      (c >= 'A' && c <= 'F') || c == '.' || c == ':')) {
			return false;
		}
	}
	memcpy(out, v.ptr, v.len);
	out[v.len] = '\0';
	return true;
}

/* "3735928559(0xdeadbeef)": both must be there and agree */
static bool audit_spi(shunk_t v, uint32_t *spi)
{
	const char *s = v.ptr;
	size_t i = 0;
	uint64_t dec = 0;
	for (; i < v.len && s[i] >= '0' && s[i] <= '9'; i++) {
		dec = dec * 10 + (uint64_t)(s[i] - '0');
		if (dec > UINT32_MAX) {
			return false;
		}
	}
	if (i == 0 || i + 4 > v.len || s[i] != '(' || s[i + 1] != '0' ||
	    s[i + 2] != 'x' || s[v.len - 1] != ')') {
		return false;
	}
	uint64_t hex = 0;
	size_t digits = 0;
	for (size_t j = i + 3; j < v.len - 1; j++, digits++) {
		char c = s[j];
		unsigned d = (c >= '0' && c <= '9' ? (unsigned)(c - '0') :
			      c >= 'a' && c <= 'f' ? (unsigned)(c - 'a' + 10) :
			      c >= 'A' && c <= 'F' ? (unsigned)(c - 'A' + 10) : 16);
		if (d == 16 || digits >= 8) {
			return false;
		}
		hex = hex * 16 + d;
	}
	if (digits == 0 || hex != dec || dec == 0) {
		return false;
	}
	*spi = htonl((uint32_t)dec);
	return true;
}

const char *parse_xfrm_audit_notfound(shunk_t text, struct xfrm_audit_notfound *r)
{
	memset(r, 0, sizeof(*r));
	if (text.len > AUDIT_RECORD_MAX) {
		return "record too long";
	}
	const char *s = text.ptr;
	size_t len = text.len;
	/* the record may end in NULs */
	while (len > 0 && s[len - 1] == '\0') {
		len--;
	}
	size_t at = 0;
	/* "audit(...): " prefix */
	if (len >= 6 && memcmp(s, "audit(", 6) == 0) {
		const char *end = memchr(s, ')', len);
		if (end == NULL || (size_t)(end - s) + 2 >= len || end[1] != ':' || end[2] != ' ') {
			return "bad audit( ): prefix";
		}
		at = (size_t)(end - s) + 3;
	}
	bool op = false, src = false, dst = false, spi = false;
	unsigned fields = 0;
	while (at < len) {
		if (s[at] == ' ') {
			at++;
			continue;
		}
		if (++fields > AUDIT_FIELDS_MAX) {
			return "too many fields";
		}
		const char *sp = memchr(s + at, ' ', len - at);
		size_t flen = (sp == NULL ? len - at : (size_t)(sp - (s + at)));
		shunk_t field = shunk2(s + at, flen);
		const char *eq = memchr(field.ptr, '=', field.len);
		if (eq != NULL) {
			size_t klen = (size_t)(eq - (const char *)field.ptr);
			shunk_t value = shunk2(eq + 1, field.len - klen - 1);
#define KEY(K) (klen == sizeof(K) - 1 && memcmp(field.ptr, K, klen) == 0)
			if (KEY("op")) {
				if (op || !(value.len == 11 && memcmp(value.ptr, "SA-notfound", 11) == 0)) {
					return "not an SA-notfound record";
				}
				op = true;
			} else if (KEY("src")) {
				if (src || !address_chars(value, r->src, sizeof(r->src))) {
					return "bad src=";
				}
				src = true;
			} else if (KEY("dst")) {
				if (dst || !address_chars(value, r->dst, sizeof(r->dst))) {
					return "bad dst=";
				}
				dst = true;
			} else if (KEY("spi")) {
				if (spi || !audit_spi(value, &r->spi)) {
					return "bad spi=";
				}
				spi = true;
			}
#undef KEY
		}
		at += flen;
	}
	if (!op) {
		return "not an SA-notfound record";
	}
	if (!src || !dst || !spi) {
		return "src=, dst= or spi= missing";
	}
	return NULL;
}
