/* QCD (RFC 6290) token checks, for libreswan
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
 * Known answers were computed independently (Python's hmac/hashlib):
 *
 *   hmac.new(bytes(range(32)), SPIi + SPIr, sha256)
 *   hmac.new(bytes(range(32)), SPIi + SPIr + address.packed, sha256)
 */

#include <stdio.h>
#include <string.h>
#include <arpa/inet.h>

#include <nss.h>
#include <pk11pub.h>

#include "qcd_token.h"
#include "siphash.h"
#include "ike_alg.h"
#include "build_notifies.h"
#include "crypt_symkey.h"
#include "fips_mode.h"
#include "ietf_constants.h"
#include "lswtool.h"
#include "lswlog.h"
#include "lswalloc.h"
#include "sparse_names.h"

static unsigned fails;
static struct logger *logger;

#define FAIL(FMT, ...)							\
	{								\
		fails++;						\
		fprintf(stderr, "%s:%d: FAILED: " FMT "\n",		\
			__FILE__, __LINE__, ##__VA_ARGS__);		\
	}

static void hex(const uint8_t *p, size_t len, char *out)
{
	for (size_t i = 0; i < len; i++) {
		sprintf(out + 2 * i, "%02x", p[i]);
	}
	out[2 * len] = '\0';
}

static PK11SymKey *import_secret(const uint8_t *bytes, size_t len)
{
	PK11SlotInfo *slot = PK11_GetInternalSlot();
	SECItem item = { .type = siBuffer, .data = (uint8_t *)bytes, .len = len, };
	PK11SymKey *key = PK11_ImportSymKey(slot, CKM_SHA256_HMAC, PK11_OriginUnwrap,
					    CKA_SIGN, &item, NULL);
	PK11_FreeSlot(slot);
	return key;
}

static void check_token_kat(void)
{
	static const struct {
		uint8_t secret;	/* 0: bytes 0..31, else every byte */
		const char *spii;
		const char *spir;
		const char *token;
		const char *fingerprint;
	} tests[] = {
		{ 0, "0102030405060708", "1112131415161718",
		  "07215b998b9a990c5cc6a160e9180b487dc80d13a7e464ed0d1298cfbf652467",
		  "485115e6", },
		{ 0xa5, "0000000000000000", "ffffffffffffffff",
		  "1e81446713ddf86d408f3ac5708ab5494ade4ee9271818a80539bc4860e5ee27",
		  NULL, },
	};
	for (unsigned t = 0; t < elemsof(tests); t++) {
		uint8_t secret[QCD_SECRET_SIZE];
		for (unsigned i = 0; i < sizeof(secret); i++) {
			secret[i] = (tests[t].secret == 0 ? i : tests[t].secret);
		}
		PK11SymKey *key = import_secret(secret, sizeof(secret));
		if (key == NULL) {
			FAIL("[%u] cannot import secret", t);
			continue;
		}
		ike_spis_t spis;
		for (unsigned i = 0; i < 8; i++) {
			sscanf(tests[t].spii + 2 * i, "%2hhx", &spis.initiator.bytes[i]);
			sscanf(tests[t].spir + 2 * i, "%2hhx", &spis.responder.bytes[i]);
		}
		struct qcd_token token;
		if (!qcd_token_from_secret(key, &spis, empty_shunk, &token, logger)) {
			FAIL("[%u] qcd_token_from_secret() failed", t);
		} else {
			char got[2 * QCD_TOKEN_MAX_SIZE + 1];
			hex(token.ptr, token.len, got);
			if (token.len != QCD_TOKEN_SIZE || strcmp(got, tests[t].token) != 0) {
				FAIL("[%u] token %s, expected %s", t, got, tests[t].token);
			}
			/* same input, same token: RFC 6290 1.1 */
			struct qcd_token again;
			if (!qcd_token_from_secret(key, &spis, empty_shunk, &again, logger) ||
			    !qcd_token_eq(&token, &again)) {
				FAIL("[%u] token not reproducible", t);
			}
			/* a different SPI gives a different token */
			spis.responder.bytes[7] ^= 1;
			if (!qcd_token_from_secret(key, &spis, empty_shunk, &again, logger) ||
			    qcd_token_eq(&token, &again)) {
				FAIL("[%u] tokens collide", t);
			}
			if (tests[t].fingerprint != NULL) {
				qcd_fingerprint_buf fb;
				const char *fp = str_qcd_fingerprint(&token, &fb, logger);
				if (strcmp(fp, tests[t].fingerprint) != 0) {
					FAIL("[%u] fingerprint %s, expected %s", t, fp,
					     tests[t].fingerprint);
				}
			}
			/* the taker's digest: matches this token, its fingerprint is the token's */
			struct qcd_digest digest;
			if (!qcd_token_digest(&token, &digest, logger) ||
			    !qcd_token_matches(&token, &digest, logger)) {
				FAIL("[%u] token does not match its digest", t);
			}
			{
				qcd_fingerprint_buf tb, db;
				if (strcmp(str_qcd_fingerprint(&token, &tb, logger),
					   str_qcd_digest_fingerprint(&digest, &db)) != 0) {
					FAIL("[%u] digest fingerprint %s, token's %s", t, db.buf, tb.buf);
				}
			}
			if (qcd_token_matches(&again, &digest, logger)) {
				FAIL("[%u] another token matches the digest", t);
			}
			/* pluto's copy of the key in memory: same token, not extractable */
			{
				PK11SymKey *copy = qcd_secret_session_copy(key);
				struct qcd_token copied;
				spis.responder.bytes[7] ^= 1;
				if (copy == NULL) {
					FAIL("[%u] cannot copy the secret (NSS error %d)", t, PORT_GetError());
				} else if (!qcd_token_from_secret(copy, &spis, empty_shunk, &copied, logger) ||
					   !qcd_token_eq(&token, &copied)) {
					FAIL("[%u] the copied secret makes another token", t);
				} else if (PK11_ExtractKeyValue(copy) == SECSuccess) {
					FAIL("[%u] the copied secret is extractable", t);
				}
				spis.responder.bytes[7] ^= 1;
				wipe_qcd_token(&copied);
				if (copy != NULL) {
					PK11_FreeSymKey(copy);
				}
			}
			wipe_qcd_token(&token);
			if (token.len != 0 || token.ptr[0] != 0) {
				FAIL("[%u] token not wiped", t);
			}
		}
		PK11_FreeSymKey(key);
	}
	/* no secret, no token */
	ike_spis_t spis = {0};
	struct qcd_token token;
	if (qcd_token_from_secret(NULL, &spis, empty_shunk, &token, logger) || token.len != 0) {
		FAIL("token without a secret");
	}
}

/*
 * RFC 6290 5.2.: the taker's address appended; each address gives its
 * own token, none equal to the unbound one.
 */
static void check_address_bound_token(void)
{
	static const struct {
		const char *what;
		uint8_t address[16];
		size_t len;
		const char *token;
	} tests[] = {
		{ "192.1.2.45", { 192, 1, 2, 45, }, 4,
		  "eaebbd583f485d9be69c94396ae4ae8dc86a3d521397ac337016d5c37ba9fbc7", },
		{ "2001:db8:1:2::45", { 0x20, 0x01, 0x0d, 0xb8, 0, 1, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0x45, }, 16,
		  "9ec4fe5ef32a31fc061022a480a955548c151c401ad140debdccdfe5b46b58a6", },
	};
	uint8_t secret[QCD_SECRET_SIZE];
	for (unsigned i = 0; i < sizeof(secret); i++) {
		secret[i] = i;
	}
	PK11SymKey *key = import_secret(secret, sizeof(secret));
	if (key == NULL) {
		FAIL("cannot import secret");
		return;
	}
	ike_spis_t spis;
	for (unsigned i = 0; i < 8; i++) {
		spis.initiator.bytes[i] = 0x01 + i;
		spis.responder.bytes[i] = 0x11 + i;
	}
	struct qcd_token unbound;
	if (!qcd_token_from_secret(key, &spis, empty_shunk, &unbound, logger)) {
		FAIL("unbound token failed");
	}
	for (unsigned t = 0; t < elemsof(tests); t++) {
		struct qcd_token token, other;
		shunk_t address = shunk2(tests[t].address, tests[t].len);
		if (!qcd_token_from_secret(key, &spis, address, &token, logger)) {
			FAIL("[%s] qcd_token_from_secret() failed", tests[t].what);
			continue;
		}
		char got[2 * QCD_TOKEN_MAX_SIZE + 1];
		hex(token.ptr, token.len, got);
		if (strcmp(got, tests[t].token) != 0) {
			FAIL("[%s] token %s, expected %s", tests[t].what, got, tests[t].token);
		}
		if (qcd_token_eq(&token, &unbound)) {
			FAIL("[%s] address-bound token equals the unbound one", tests[t].what);
		}
		/* another address (last octet flipped): another token */
		uint8_t moved[16];
		memcpy(moved, tests[t].address, tests[t].len);
		moved[tests[t].len - 1] ^= 1;
		if (!qcd_token_from_secret(key, &spis, shunk2(moved, tests[t].len), &other, logger) ||
		    qcd_token_eq(&token, &other)) {
			FAIL("[%s] a token made for another address verifies", tests[t].what);
		}
		wipe_qcd_token(&token);
		wipe_qcd_token(&other);
	}
	wipe_qcd_token(&unbound);
	PK11_FreeSymKey(key);
}

static void check_token_eq(void)
{
	struct qcd_token a = {0}, b = {0};
	if (qcd_token_eq(&a, &b)) {
		FAIL("empty tokens compare equal");
	}
	a.len = b.len = 16;
	memset(a.ptr, 7, 16);
	memset(b.ptr, 7, 16);
	if (!qcd_token_eq(&a, &b)) {
		FAIL("equal tokens compare unequal");
	}
	b.ptr[15] = 8;
	if (qcd_token_eq(&a, &b)) {
		FAIL("last octet ignored");
	}
	b.ptr[15] = 7;
	b.len = 17;
	if (qcd_token_eq(&a, &b)) {
		FAIL("length ignored");
	}
	/* digests: an empty token has none and matches nothing */
	struct qcd_digest d;
	struct qcd_token empty = {0};
	if (qcd_token_digest(&empty, &d, logger)) {
		FAIL("digest of an empty token");
	}
	if (qcd_token_matches(&empty, &d, logger)) {
		FAIL("an empty token matches");
	}
	/* a token that differs only in length (a trailing zero) */
	b.len = 16;
	b.ptr[16] = 0;
	if (!qcd_token_digest(&a, &d, logger) || !qcd_token_matches(&b, &d, logger)) {
		FAIL("equal tokens, unequal digests");
	}
	b.len = 17;
	if (qcd_token_matches(&b, &d, logger)) {
		FAIL("digest ignores the length");
	}
}

/*
 * Packet dumps: token bytes are zeroed in unprotected messages, with
 * or without a non-ESP marker; protected messages and messages
 * without a token are left alone; any truncation is safe.
 */
static void check_mask_tokens(void)
{
	struct n ns[] = {
		{ v2N_INVALID_IKE_SPI, 0, 0, 0 },
		{ v2N_QUICK_CRASH_DETECTION, 1, 0, 32 },
		{ v2N_QUICK_CRASH_DETECTION, 1, 0, 32 },
	};
	for (unsigned marker = 0; marker <= 4; marker += 4) {
		uint8_t msg[512] = {0};
		uint8_t *hdr = msg + marker;
		memset(hdr, 0xab, 16);		/* SPIs */
		hdr[16] = ISAKMP_NEXT_v2N;	/* Next Payload */
		hdr[17] = 0x20;			/* IKEv2 */
		hdr[18] = ISAKMP_v2_INFORMATIONAL;
		hdr[19] = 0x20;			/* R */
		size_t body = build_notifies(hdr + 28, ns, elemsof(ns), 0);
		size_t len = marker + 28 + body;
		uint8_t out[512];
		size_t n = qcd_mask_tokens(shunk2(msg, len), out, sizeof(out));
		if (n != len) {
			FAIL("[marker %u] not masked (%zu)", marker, n);
			continue;
		}
		/* token data (0x41.., 0x42..) is gone, the rest unchanged */
		size_t t1 = marker + 28 + 8 + 8;
		size_t t2 = t1 + 32 + 8;
		for (size_t i = 0; i < len; i++) {
			bool token = ((i >= t1 && i < t1 + 32) || (i >= t2 && i < t2 + 32));
			if (token ? out[i] != 0 : out[i] != msg[i]) {
				FAIL("[marker %u] octet %zu is %02x", marker, i, out[i]);
				break;
			}
		}
		/* too small a buffer: nothing */
		if (qcd_mask_tokens(shunk2(msg, len), out, len - 1) != 0) {
			FAIL("[marker %u] overflowed", marker);
		}
		/*
		 * Truncated anywhere (a bounced packet): never read
		 * beyond the end, and no token octet that is there
		 * survives.
		 */
		for (size_t cut = 1; cut < len; cut++) {
			size_t short_len = len - cut;
			size_t m = qcd_mask_tokens(shunk2(msg, short_len), out, sizeof(out));
			for (size_t i = 0; i < short_len; i++) {
				bool token = ((i >= t1 && i < t1 + 32) || (i >= t2 && i < t2 + 32));
				if (token && (m == 0 ? msg[i] : out[i]) != 0) {
					FAIL("[marker %u] cut to %zu: token octet %zu shown",
					     marker, short_len, i);
					break;
				}
			}
		}
		/* protected: nothing to hide */
		hdr[16] = ISAKMP_NEXT_v2SK;
		if (qcd_mask_tokens(shunk2(msg, len), out, sizeof(out)) != 0) {
			FAIL("[marker %u] SK message masked", marker);
		}
		/* no token: nothing to hide */
		hdr[16] = ISAKMP_NEXT_v2N;
		body = build_notifies(hdr + 28, ns, 1, 0);
		if (qcd_mask_tokens(shunk2(msg, marker + 28 + body), out, sizeof(out)) != 0) {
			FAIL("[marker %u] message without a token masked", marker);
		}
	}
}

static void check_option_names(void)
{
	static const struct { const char *name; enum qcd_options value; } tests[] = {
		{ "no", QCD_NO, }, { "yes", QCD_YES, },
		{ "maker", QCD_MAKER, }, { "taker", QCD_TAKER, },
	};
	for (unsigned t = 0; t < elemsof(tests); t++) {
		const struct sparse_name *sn = sparse_lookup(&qcd_option_names,
								       shunk1(tests[t].name));
		if (sn == NULL || sn->value != tests[t].value) {
			FAIL("qcd=%s", tests[t].name);
		}
	}
	if (sparse_lookup(&qcd_option_names, shunk1("both")) != NULL) {
		FAIL("qcd=both accepted");
	}
	if ((QCD_YES & QCD_ROLES) != (QCD_MAKER | QCD_TAKER) || (QCD_NO & QCD_ROLES) != 0) {
		FAIL("role bits");
	}
}

static void check_secret_nicknames(void)
{
	static const char *names[QCD_SECRET_GENERATIONS] = {
		"qcd-secret", "qcd-secret.1", "qcd-secret.2", "qcd-secret.3",
	};
	for (unsigned g = 0; g < QCD_SECRET_GENERATIONS; g++) {
		qcd_nickname_buf nb;
		const char *name = str_qcd_secret_nickname(g, &nb);
		if (strcmp(name, names[g]) != 0) {
			FAIL("generation %u named %s, expected %s", g, name, names[g]);
		}
	}
	if (QCD_SECRET_GENERATIONS != QCD_MAX_TOKENS) {
		FAIL("a reply can't carry a token per generation");
	}
}

/* SipHash-2-4 reference vectors: key 00..0f, message 00..len-1 */
static void check_siphash(void)
{
	static const struct {
		size_t len;
		uint64_t hash;
	} vectors[] = {
		{ 0, 0x726fdb47dd0e0e31ULL, },
		{ 1, 0x74f839c593dc67fdULL, },
		{ 15, 0xa129ca6149be45e5ULL, },
	};
	uint8_t key[SIPHASH_KEY_SIZE], msg[16];
	for (unsigned i = 0; i < sizeof(key); i++) {
		key[i] = i;
	}
	for (unsigned i = 0; i < sizeof(msg); i++) {
		msg[i] = i;
	}
	for (unsigned i = 0; i < sizeof(vectors) / sizeof(vectors[0]); i++) {
		uint64_t h = siphash24(key, msg, vectors[i].len);
		if (h != vectors[i].hash) {
			FAIL("siphash24() of %zu octets is %016llx, expected %016llx",
			     vectors[i].len, (unsigned long long)h,
			     (unsigned long long)vectors[i].hash);
		}
	}
}

int main(int argc, char *argv[])
{
	leak_detective = true;
	logger = tool_logger(argc, argv);

	if (NSS_NoDB_Init(".") != SECSuccess) {
		fprintf(stderr, "NSS_NoDB_Init() failed\n");
		return 1;
	}
	set_fips_mode(FIPS_MODE_OFF);
	init_crypt_symkey(logger);	/* crypt_prf's keys */
	init_ike_alg(logger);		/* crypt_prf's and crypt_hash's algorithms */

	check_token_kat();
	check_address_bound_token();
	check_token_eq();
	check_mask_tokens();
	check_option_names();
	check_secret_nicknames();
	check_siphash();

	NSS_Shutdown();
	if (report_leaks(logger)) {
		fails++;
	}
	if (fails > 0) {
		fprintf(stderr, "TOTAL FAILURES: %d\n", fails);
		return 1;
	}
	return 0;
}
