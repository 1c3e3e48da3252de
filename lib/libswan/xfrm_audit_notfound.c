/* The Linux kernel's audit record of ESP for an unknown SPI, for libreswan
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
 * The record's addresses and SPI are an attacker's choice, so the
 * parser is strict, small, side-effect free and fuzzed, with its
 * known cases (testing/fuzz/fuzz_xfrm_audit.c).
 */

#include <string.h>
#include <arpa/inet.h>		/* for htonl() */

#include "xfrm_audit_notfound.h"
#include "ietf_constants.h"

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
