/* SIR-style CHECK_SPI query and answer, for libreswan
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
 * Both messages arrive unauthenticated: the builder and the strict
 * parser live here, away from pluto, unit-tested
 * (testing/programs/qcdcheck) and fuzzed (testing/fuzz).
 */

#include <string.h>

#include <pk11pub.h>
#include <nss.h>		/* for NSS_SecureMemcmp() */

#include "qcd_sir.h"
#include "qcd_token.h"		/* for qcd_next_notify() */
#include "ietf_constants.h"

#define IKE_HEADER_SIZE 28
#define NOTIFY_HEADER_SIZE 8

static size_t build_sir_message(const uint8_t spis[16], uint8_t xchg,
				uint8_t flags, const uint8_t msgid[4],
				unsigned type, const uint8_t cookie[SIR_COOKIE_SIZE],
				uint8_t *buf, size_t size)
{
	if (size < SIR_MESSAGE_SIZE) {
		return 0;
	}
	uint8_t *p = buf;
	memset(p, 0, SIR_MESSAGE_SIZE);
	memcpy(p, spis, 16);
	p[16] = ISAKMP_NEXT_v2N;
	p[17] = 0x20;			/* IKEv2 */
	p[18] = xchg;
	p[19] = flags;
	memcpy(p + 20, msgid, 4);
	p[27] = SIR_MESSAGE_SIZE;	/* (< 256) */
	p += IKE_HEADER_SIZE;
	p[0] = ISAKMP_NEXT_v2NONE;
	p[3] = NOTIFY_HEADER_SIZE + SIR_COOKIE_SIZE;
	p[4] = IKEv2_SEC_PROTO_IKE;	/* Protocol ID 1, SPI Size 0 */
	p[6] = type >> 8;
	p[7] = type & 0xff;
	memcpy(p + NOTIFY_HEADER_SIZE, cookie, SIR_COOKIE_SIZE);
	return SIR_MESSAGE_SIZE;
}

size_t build_sir_query(const uint8_t ike_spis[16], bool original_initiator,
		       const uint8_t cookie[SIR_COOKIE_SIZE],
		       uint8_t *buf, size_t size)
{
	static const uint8_t msgid[4] = { 0xff, 0xff, 0xff, 0xff, };
	return build_sir_message(ike_spis, ISAKMP_v2_INFORMATIONAL,
				 (original_initiator ? ISAKMP_FLAGS_v2_IKE_I : 0),
				 msgid, SIR_CHECK_SPI, cookie, buf, size);
}

size_t build_sir_answer(const uint8_t query_header[28], bool known,
			const uint8_t cookie[SIR_COOKIE_SIZE],
			uint8_t *buf, size_t size)
{
	uint8_t flags = ISAKMP_FLAGS_v2_MSG_R |
		((query_header[19] & ISAKMP_FLAGS_v2_IKE_I) ? 0 : ISAKMP_FLAGS_v2_IKE_I);
	return build_sir_message(query_header, query_header[18], flags,
				 query_header + 20,
				 (known ? SIR_SPI_KNOWN : SIR_SPI_UNKNOWN),
				 cookie, buf, size);
}

const char *parse_sir_message(uint8_t np, shunk_t payloads, unsigned *type,
			      uint8_t cookie[SIR_COOKIE_SIZE])
{
	*type = 0;
	if (np != ISAKMP_NEXT_v2N) {
		return "first payload is not a Notify";
	}
	shunk_t left = payloads;
	struct qcd_notify n;
	const char *diag = qcd_next_notify(&left, &n);
	if (diag != NULL) {
		return diag;
	}
	if (n.next != ISAKMP_NEXT_v2NONE || left.len != 0) {
		return "more than one payload";
	}
	if (n.type != SIR_CHECK_SPI && n.type != SIR_SPI_KNOWN &&
	    n.type != SIR_SPI_UNKNOWN) {
		return "not a SIR notification";
	}
	if (n.protoid != IKEv2_SEC_PROTO_IKE || n.spisize != 0) {
		return "SIR notification with a Protocol ID other than 1 or an SPI";
	}
	if (n.data.len != SIR_COOKIE_SIZE) {
		return "SIR cookie is not 16 octets";
	}
	memcpy(cookie, n.data.ptr, SIR_COOKIE_SIZE);
	*type = n.type;
	return NULL;
}

/*
 * HMAC (RFC 2104) over NSS's SHA2-256 digest: the key is the
 * querier's own random secret, never shared and never logged (NSS
 * digest contexts log nothing).
 */

static bool sha256(const uint8_t *a, size_t alen, const uint8_t *b, size_t blen,
		   uint8_t out[32])
{
	PK11Context *ctx = PK11_CreateDigestContext(SEC_OID_SHA256);
	if (ctx == NULL) {
		return false;
	}
	unsigned len = 0;
	bool ok = (PK11_DigestBegin(ctx) == SECSuccess &&
		   PK11_DigestOp(ctx, a, alen) == SECSuccess &&
		   PK11_DigestOp(ctx, b, blen) == SECSuccess &&
		   PK11_DigestFinal(ctx, out, &len, 32) == SECSuccess &&
		   len == 32);
	PK11_DestroyContext(ctx, PR_TRUE);
	return ok;
}

bool make_sir_cookie(const uint8_t secret[SIR_SECRET_SIZE], uint32_t t,
		     const uint8_t ike_spis[16], shunk_t peer,
		     uint8_t cookie[SIR_COOKIE_SIZE])
{
	if (peer.len != 4 && peer.len != 16) {
		return false;
	}
	uint8_t pad[64], text[4 + 16 + 16], inner[32], outer[32];
	cookie[0] = t >> 24;
	cookie[1] = t >> 16;
	cookie[2] = t >> 8;
	cookie[3] = t;
	memcpy(text, cookie, 4);
	memcpy(text + 4, ike_spis, 16);
	memcpy(text + 20, peer.ptr, peer.len);
	size_t text_len = 20 + peer.len;

	memset(pad, 0x36, sizeof(pad));
	for (unsigned i = 0; i < SIR_SECRET_SIZE; i++) {
		pad[i] ^= secret[i];
	}
	bool ok = sha256(pad, sizeof(pad), text, text_len, inner);
	memset(pad, 0x5c, sizeof(pad));
	for (unsigned i = 0; i < SIR_SECRET_SIZE; i++) {
		pad[i] ^= secret[i];
	}
	ok = ok && sha256(pad, sizeof(pad), inner, sizeof(inner), outer);
	if (ok) {
		memcpy(cookie + 4, outer, SIR_COOKIE_SIZE - 4);
	}
	explicit_bzero(pad, sizeof(pad));
	explicit_bzero(inner, sizeof(inner));
	explicit_bzero(outer, sizeof(outer));
	return ok;
}

bool sir_cookie_eq(const uint8_t a[SIR_COOKIE_SIZE],
		   const uint8_t b[SIR_COOKIE_SIZE])
{
	return NSS_SecureMemcmp(a, b, SIR_COOKIE_SIZE) == 0;
}

uint32_t sir_cookie_time(const uint8_t cookie[SIR_COOKIE_SIZE])
{
	return ((uint32_t)cookie[0] << 24 | (uint32_t)cookie[1] << 16 |
		(uint32_t)cookie[2] << 8 | cookie[3]);
}
