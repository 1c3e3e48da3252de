/* What a QCD token and a SIR cookie cost on this host, for libreswan-qcd
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
 * Times, with the library code pluto runs (lib/libswan/qcd_token.c and
 * sir_cookie.c, over crypt_prf and crypt_hash) and NSS's softoken, in
 * microseconds per operation:
 *   make      the maker's token: HMAC-SHA2-256(secret, SPIi|SPIr), with
 *             the secret as pluto holds it: created in an NSS database
 *             by "ipsec qcdsecret", then copied into memory as a
 *             sensitive, non-extractable session key (what pluto does
 *             for each IKE SA, and for each unknown-SPI request it
 *             answers)
 *   make_db   the same with the key in the database itself, as pluto
 *             did before it copied it: each operation reads the
 *             database (printed for comparison, fewer operations)
 *   verify    the taker's check of a token from an unprotected answer
 *             (once pluto's payload decoder has found it): digest the
 *             token and compare the digest in constant time with the
 *             stored one
 *   cookie    the SIR querier's cookie (HMAC-SHA2-256 over time, SPIs,
 *             address), made once per query and once per answer checked
 * Last line: "cost make_us=<m> verify_us=<v> cookie_us=<c>".
 *
 * usage: qcd-cost [N]     (N operations of each, default 200000)
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <nss.h>
#include <pk11pub.h>

#include "qcd_token.h"
#include "sir_cookie.h"
#include "ike_alg.h"
#include "crypt_symkey.h"
#include "fips_mode.h"
#include "lswtool.h"
#include "ietf_constants.h"

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static struct logger *logger;

/* microseconds per token made with KEY, over N tokens; the last in TOKEN */
static double make_us(PK11SymKey *key, unsigned n, struct qcd_token *token)
{
	ike_spis_t spis;
	memset(&spis, 0x5a, sizeof(spis));
	double t0 = now();
	for (unsigned i = 0; i < n; i++) {
		spis.initiator.bytes[0] = i;
		if (!qcd_token_from_secret(key, &spis, null_shunk, token, logger)) {
			fprintf(stderr, "qcd-cost: NSS failed\n");
			exit(1);
		}
	}
	return (now() - t0) * 1e6 / n;
}

/* the NSS database of this run, removed however the program ends */
static char dir[] = "/tmp/qcd-cost.XXXXXX";

static void remove_database(void)
{
	static const char *const files[] = { "cert9.db", "key4.db", "pkcs11.txt", };
	for (unsigned i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		char path[sizeof(dir) + 16];
		snprintf(path, sizeof(path), "%s/%s", dir, files[i]);
		unlink(path);
	}
	rmdir(dir);
}

int main(int argc, char *argv[])
{
	unsigned n = (argc > 1 ? (unsigned)atoi(argv[1]) : 200000);
	logger = tool_logger(argc, argv);
	/* a new NSS database of its own, as pluto's (SQLite, no password) */
	if (mkdtemp(dir) == NULL) {
		perror("qcd-cost: mkdtemp");
		return 1;
	}
	atexit(remove_database);
	char config[sizeof(dir) + 8];
	snprintf(config, sizeof(config), "sql:%s", dir);
	if (NSS_InitReadWrite(config) != SECSuccess) {
		fprintf(stderr, "qcd-cost: cannot create an NSS database in %s\n", dir);
		return 1;
	}
	/* what pluto sets up for crypt_prf and crypt_hash */
	set_fips_mode(FIPS_MODE_OFF);
	init_crypt_symkey(logger);
	init_ike_alg(logger);
	PK11SlotInfo *slot = PK11_GetInternalKeySlot();
	/* an empty password, as "ipsec initnss" leaves it */
	if (PK11_NeedUserInit(slot)) {
		PK11_InitPin(slot, NULL, "");
	}
	/* as "ipsec qcdsecret --create" makes it */
	PK11SymKey *db_key = PK11_TokenKeyGenWithFlags(slot, CKM_GENERIC_SECRET_KEY_GEN,
						       NULL, QCD_SECRET_SIZE, NULL, CKF_SIGN,
						       (PK11_ATTR_TOKEN | PK11_ATTR_SENSITIVE |
							PK11_ATTR_UNEXTRACTABLE), NULL);
	/* as pluto loads it */
	PK11SymKey *secret = qcd_secret_session_copy(db_key);
	if (db_key == NULL || secret == NULL) {
		fprintf(stderr, "qcd-cost: no key (NSS error %d)\n", PORT_GetError());
		return 1;
	}

	/* make, with the key in the database (fewer: each reads it), then the copy */
	struct qcd_token token;
	unsigned n_db = (n / 100 > 0 ? n / 100 : 1);
	double make_db_us = make_us(db_key, n_db, &token);
	double make_copy_us = make_us(secret, n, &token);
	ike_spis_t spis;
	memset(&spis, 0x5a, sizeof(spis));
	double t0;

	/* verify: a reply as a maker sends it, INVALID_IKE_SPI then the token */
	/* the taker keeps a digest of the token, not the token */
	struct qcd_digest stored_digest;
	if (!qcd_token_digest(&token, &stored_digest, logger)) {
		fprintf(stderr, "qcd-cost: no digest\n");
		return 1;
	}
	unsigned ok = 0;
	t0 = now();
	for (unsigned i = 0; i < n; i++) {
		ok += qcd_token_matches(&token, &stored_digest, logger);
	}
	double verify_us = (now() - t0) * 1e6 / n;
	if (ok != n) {
		fprintf(stderr, "qcd-cost: %u of %u verified\n", ok, n);
		return 1;
	}

	/* cookie */
	uint8_t sir_secret[SIR_SECRET_SIZE] = {1}, cookie[SIR_COOKIE_SIZE];
	uint8_t peer[4] = { 192, 1, 2, 45, };
	t0 = now();
	for (unsigned i = 0; i < n; i++) {
		if (!make_sir_cookie(sir_secret, i, (const uint8_t *)&spis,
				     shunk2(peer, sizeof(peer)), cookie, logger)) {
			fprintf(stderr, "qcd-cost: NSS failed\n");
			return 1;
		}
	}
	double cookie_us = (now() - t0) * 1e6 / n;

	printf("%u operations each (%u with the key in the database); sizeof(struct qcd_token)=%zu\n",
	       n, n_db, sizeof(struct qcd_token));
	printf("make_db_us=%.2f (the key in the database, not copied)\n", make_db_us);
	printf("cost make_us=%.2f verify_us=%.2f cookie_us=%.2f\n", make_copy_us, verify_us, cookie_us);
	PK11_FreeSymKey(secret);
	PK11_FreeSymKey(db_key);
	PK11_FreeSlot(slot);
	NSS_Shutdown();
	return 0;
}
