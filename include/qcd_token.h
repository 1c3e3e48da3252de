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
 */

#ifndef QCD_TOKEN_H
#define QCD_TOKEN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <pk11pub.h>

#include "shunk.h"
#include "ike_spi.h"
#include "qcd_options.h"

struct logger;

/*
 * RFC 6290 5.: "TOKEN_SECRET_DATA ... MUST be between 16 and 128
 * octets".  Tokens we make are HMAC-SHA2-256 outputs.
 */
#define QCD_TOKEN_SIZE 32
#define QCD_TOKEN_MIN_SIZE 16
#define QCD_TOKEN_MAX_SIZE 128

/* RFC 6290 4.5.: a taker verifies at least four tokens in a message */
#define QCD_MAX_TOKENS 4

/* the NSS nickname of the persistent QCD_SECRET key */
#define QCD_SECRET_NICKNAME "qcd-secret"
#define QCD_SECRET_SIZE 32	/* RFC 6290 5.1. */

/*
 * Rollover (RFC 6290 5.1.): the current secret and up to three older
 * generations, "qcd-secret.1" (the newest older one) to
 * "qcd-secret.3"; an unprotected reply carries a token for each, so a
 * taker holding a token made before up to three rollovers still
 * verifies.  ipsec qcdsecret --rollover shifts them.
 */
#define QCD_SECRET_GENERATIONS QCD_MAX_TOKENS
typedef struct {
	char buf[sizeof(QCD_SECRET_NICKNAME) + 4];
} qcd_nickname_buf;
const char *str_qcd_secret_nickname(unsigned generation, qcd_nickname_buf *buf);

/*
 * A token, fixed size so that it can live in the IKE SA and be wiped
 * with it; .len is 0 when there is none.
 */
struct qcd_token {
	size_t len;
	uint8_t ptr[QCD_TOKEN_MAX_SIZE];
};


/*
 * Compute the token for SPIS: HMAC-SHA2-256(SECRET, SPIi | SPIr), RFC
 * 6290 5.1., or, when TAKER_ADDRESS is not empty, HMAC-SHA2-256(SECRET,
 * SPIi | SPIr | IPaddr-T), the address-bound token of RFC 6290 5.2.
 * (TAKER_ADDRESS: the taker's address as the maker sees it, 4 or 16
 * octets in network order).  Computed inside NSS (SECRET never leaves
 * the token).  Returns false, with TOKEN emptied and the NSS error
 * left for the caller to report, when NSS fails.
 */
bool qcd_token_from_secret(PK11SymKey *secret, const ike_spis_t *spis,
			   shunk_t taker_address, struct qcd_token *token,
			   struct logger *logger);

/*
 * Fill TOKEN from the data of a peer's QUICK_CRASH_DETECTION notify;
 * false (TOKEN emptied) unless it is 16 to 128 octets long.
 */
bool qcd_token_from_shunk(shunk_t data, struct qcd_token *token);

/*
 * Constant-time comparison: the time taken depends only on the
 * lengths, which are not secret.  An empty token matches nothing.
 */
bool qcd_token_eq(const struct qcd_token *l, const struct qcd_token *r);

/*
 * A short fingerprint for status output: the first 4 octets of
 * SHA2-256("QCD fingerprint" | token) in hex.  It identifies a token
 * without revealing anything usable about it.
 */
typedef struct {
	char buf[4 * 2 + 1];
} qcd_fingerprint_buf;
const char *str_qcd_fingerprint(const struct qcd_token *token,
				qcd_fingerprint_buf *buf, struct logger *logger);

/*
 * What a taker keeps of its peer's token: the first 16 octets of
 * SHA2-256("QCD fingerprint" | token), not the token.  It is 16
 * octets instead of up to 128, and a memory dump of the taker holds
 * nothing that could be replayed as the token.  A forged token that
 * matches would need a second preimage of 128 bits.  The first 4
 * octets are the token's fingerprint (str_qcd_fingerprint()).
 */
#define QCD_DIGEST_SIZE 16
struct qcd_digest {
	uint8_t ptr[QCD_DIGEST_SIZE];
};

/* false (DIGEST zeroed) when TOKEN is empty or NSS fails */
bool qcd_token_digest(const struct qcd_token *token, struct qcd_digest *digest,
		      struct logger *logger);

/*
 * Does TOKEN have DIGEST?  Constant time in the digest's bytes; an
 * empty token matches nothing.
 */
bool qcd_token_matches(const struct qcd_token *token, const struct qcd_digest *digest,
		       struct logger *logger);

const char *str_qcd_digest_fingerprint(const struct qcd_digest *digest,
				       qcd_fingerprint_buf *buf);

/* wipe TOKEN (the single exit path for a token's bytes) */
void wipe_qcd_token(struct qcd_token *token);

/*
 * Find the persistent QCD secret (NICKNAME) in SLOT; NULL when there
 * is none.  The caller owns the reference.
 */
PK11SymKey *qcd_find_secret(PK11SlotInfo *slot, const char *nickname,
			    struct logger *logger);

/*
 * A copy of SECRET (found in the NSS database) as a session key, kept
 * by softoken in memory: sensitive and not extractable, like the
 * original, and computing the same tokens.  An operation on a key
 * that lives in the database reads it back from the database's
 * SQLite files each time (174 us a token on a quiet host, far more
 * in a small guest); on the copy it takes about 1 us.
 * NULL when NSS can't copy it.  The caller owns the reference.
 */
PK11SymKey *qcd_secret_session_copy(PK11SymKey *secret);

/*
 * Packet dumps (plutodebug): when MESSAGE (an IKEv2 message, after
 * any non-ESP marker) is unprotected (first payload neither SK nor
 * SKF) and carries QUICK_CRASH_DETECTION notifications, copy it into
 * BUF (SIZE octets) with the data of each of those notifications set
 * to zero and return the copy's length; otherwise return 0 (nothing
 * to hide, or BUF too small).  MESSAGE may be anything: the walk over
 * its payloads stops at the first malformed length; a payload cut
 * short (a truncated, bounced packet) is masked to the end.
 */
size_t qcd_mask_tokens(shunk_t message, uint8_t *buf, size_t size);

#endif
