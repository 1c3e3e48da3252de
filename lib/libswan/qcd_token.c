/* RFC 6290 Quick Crash Detection (QCD) tokens, for libreswan
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
 * Pure computations on tokens, kept out of pluto so that
 * testing/programs/qcdcheck can test them with known answers.
 */

#include <stdio.h>
#include <string.h>

#include <pk11pub.h>
#include <nss.h>		/* for NSS_SecureMemcmp() */

#include "qcd_token.h"
#include "lswlog.h"
#include "lswnss.h"
#include "ike_alg.h"
#include "ike_alg_hash.h"	/* for ike_alg_hash_sha2_256 */
#include "ike_alg_prf.h"	/* for ike_alg_prf_sha2_256 */
#include "crypt_prf.h"
#include "crypt_hash.h"
#include "crypt_mac.h"

void wipe_qcd_token(struct qcd_token *token)
{
	/* volatile write: not optimised away as a dead store */
	volatile uint8_t *p = token->ptr;
	for (size_t i = 0; i < sizeof(token->ptr); i++) {
		p[i] = 0;
	}
	token->len = 0;
}

/*
 * RFC 6290 5.1.  A Stateless Method of Token Generation
 *
 *   TOKEN_SECRET_DATA = HASH(QCD_SECRET | SPI-I | SPI-R)
 *
 * RFC 6290 5.2.  Binding Token to IP Address
 *
 *   TOKEN_SECRET_DATA = HASH(QCD_SECRET | SPI-I | SPI-R | IPaddr-T)
 *
 * (IPaddr-T, the taker's address, in network order: 4 or 16 octets),
 * with HMAC-SHA2-256 as HASH, keyed by QCD_SECRET, computed by NSS
 * through crypt_prf so that pluto's code never handles the secret's
 * bytes (softoken, inside pluto's process, does).
 */
bool qcd_token_from_secret(PK11SymKey *secret, const ike_spis_t *spis,
			   shunk_t taker_address, struct qcd_token *token,
			   struct logger *logger)
{
	wipe_qcd_token(token);
	if (secret == NULL) {
		return false;
	}
	struct crypt_prf *prf = crypt_prf_init_symkey("QCD token", &ike_alg_prf_sha2_256,
						      "QCD_SECRET", secret, logger);
	if (prf == NULL) {
		return false;
	}
	crypt_prf_update_thing(prf, "SPIi", spis->initiator.bytes);
	crypt_prf_update_thing(prf, "SPIr", spis->responder.bytes);
	if (taker_address.len > 0) {
		crypt_prf_update_bytes(prf, "IPaddr-T", taker_address.ptr, taker_address.len);
	}
	struct crypt_mac mac = crypt_prf_final_mac(&prf, NULL);
	if (mac.len != QCD_TOKEN_SIZE) {
		explicit_bzero(&mac, sizeof(mac));
		return false;
	}
	memcpy(token->ptr, mac.ptr, QCD_TOKEN_SIZE);
	token->len = QCD_TOKEN_SIZE;
	explicit_bzero(&mac, sizeof(mac));
	return true;
}

bool qcd_token_from_shunk(shunk_t data, struct qcd_token *token)
{
	wipe_qcd_token(token);
	if (data.len < QCD_TOKEN_MIN_SIZE || data.len > QCD_TOKEN_MAX_SIZE) {
		return false;
	}
	memcpy(token->ptr, data.ptr, data.len);
	token->len = data.len;
	return true;
}

bool qcd_token_eq(const struct qcd_token *l, const struct qcd_token *r)
{
	if (l->len == 0 || l->len != r->len) {
		return false;
	}
	return NSS_SecureMemcmp(l->ptr, r->ptr, l->len) == 0;
}

bool qcd_token_digest(const struct qcd_token *token, struct qcd_digest *digest,
		      struct logger *logger)
{
	static const char label[] = "QCD fingerprint";
	memset(digest, 0, sizeof(*digest));
	if (token->len == 0) {
		return false;
	}
	struct crypt_hash *hash = crypt_hash_init("QCD token digest", &ike_alg_hash_sha2_256,
						  logger);
	crypt_hash_digest_bytes(hash, "label", label, sizeof(label) - 1);
	crypt_hash_digest_bytes(hash, "token", token->ptr, token->len);
	struct crypt_mac mac = crypt_hash_final_mac(&hash);
	bool ok = (mac.len >= sizeof(digest->ptr));
	if (ok) {
		memcpy(digest->ptr, mac.ptr, sizeof(digest->ptr));
	}
	explicit_bzero(&mac, sizeof(mac));
	return ok;
}

bool qcd_token_matches(const struct qcd_token *token, const struct qcd_digest *digest,
		       struct logger *logger)
{
	struct qcd_digest d;
	if (!qcd_token_digest(token, &d, logger)) {
		return false;
	}
	return NSS_SecureMemcmp(d.ptr, digest->ptr, sizeof(d.ptr)) == 0;
}

const char *str_qcd_digest_fingerprint(const struct qcd_digest *digest,
				       qcd_fingerprint_buf *buf)
{
	static const char hex[] = "0123456789abcdef";
	for (unsigned i = 0; i < 4; i++) {
		buf->buf[2 * i] = hex[digest->ptr[i] >> 4];
		buf->buf[2 * i + 1] = hex[digest->ptr[i] & 0xf];
	}
	buf->buf[8] = '\0';
	return buf->buf;
}

const char *str_qcd_fingerprint(const struct qcd_token *token,
				qcd_fingerprint_buf *buf, struct logger *logger)
{
	struct qcd_digest d;
	if (!qcd_token_digest(token, &d, logger)) {
		strcpy(buf->buf, "-");
		return buf->buf;
	}
	return str_qcd_digest_fingerprint(&d, buf);
}

const char *str_qcd_secret_nickname(unsigned generation, qcd_nickname_buf *buf)
{
	if (generation == 0) {
		snprintf(buf->buf, sizeof(buf->buf), "%s", QCD_SECRET_NICKNAME);
	} else {
		snprintf(buf->buf, sizeof(buf->buf), "%s.%u",
			 QCD_SECRET_NICKNAME, generation % 1000);
	}
	return buf->buf;
}

PK11SymKey *qcd_find_secret(PK11SlotInfo *slot, const char *nickname,
			    struct logger *logger)
{
	PK11SymKey *found = NULL;
	PK11SymKey *list = PK11_ListFixedKeysInSlot(slot, (char *)nickname,
						    lsw_nss_get_password_context(logger));
	/* the list is chained through PK11_GetNextSymKey(); keep the first */
	while (list != NULL) {
		PK11SymKey *next = PK11_GetNextSymKey(list);
		if (found == NULL) {
			found = list;
		} else {
			PK11_FreeSymKey(list);
		}
		list = next;
	}
	return found;
}

PK11SymKey *qcd_secret_session_copy(PK11SymKey *secret)
{
	/* all of it, whatever its length: the same key, the same tokens */
	unsigned len = (secret == NULL ? 0 : PK11_GetKeyLength(secret));
	if (len == 0) {
		return NULL;
	}
	/*
	 * CKM_EXTRACT_KEY_FROM_KEY from bit 0, LEN octets.  (Not
	 * key_from_symkey_bytes(): its key has no CKA_SIGN, so no
	 * HMAC, and is not marked sensitive and non-extractable.)
	 */
	CK_EXTRACT_PARAMS first_bit = 0;
	SECItem param = {
		.type = siBuffer,
		.data = (unsigned char *)&first_bit,
		.len = sizeof(first_bit),
	};
	CK_BBOOL yes = CK_TRUE, no = CK_FALSE;
	CK_ATTRIBUTE template[] = {
		{ CKA_SENSITIVE, &yes, sizeof(yes), },
		{ CKA_EXTRACTABLE, &no, sizeof(no), },
	};
	return PK11_DeriveWithTemplate(secret, CKM_EXTRACT_KEY_FROM_KEY, &param,
				       CKM_SHA256_HMAC, CKA_SIGN, len,
				       template, elemsof(template), PR_FALSE);
}
