/* SIR-style CHECK_SPI cookie checks, for libreswan
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
 * Known answers were computed independently (Python's hmac):
 *
 *   hmac.new(bytes(range(32)), T + SPIi + SPIr + address.packed, sha256)
 */

#include <stdio.h>
#include <string.h>

#include <nss.h>

#include "sir_cookie.h"
#include "ike_alg.h"
#include "crypt_symkey.h"
#include "fips_mode.h"
#include "lswtool.h"
#include "lswlog.h"
#include "lswalloc.h"

static unsigned fails;

#define FAIL(FMT, ...)							\
	{								\
		fails++;						\
		fprintf(stderr, "%s:%d: FAILED: " FMT "\n",		\
			__FILE__, __LINE__, ##__VA_ARGS__);		\
	}

static void check_sir_cookie(struct logger *logger)
{
	uint8_t spis[16];
	for (unsigned i = 0; i < 16; i++) {
		spis[i] = 0x10 + i;
	}
	static const struct {
		uint8_t peer[16];
		size_t len;
		uint8_t mac[12];
	} vectors[] = {
		{ { 192, 1, 2, 45, }, 4,
		  { 0x24, 0x7f, 0x3c, 0xee, 0x96, 0x80, 0x7e, 0xdc, 0xf7, 0x9f, 0x13, 0x94, }, },
		{ { 0x20, 0x01, 0x0d, 0xb8, 0, 1, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0x45, }, 16,
		  { 0x6d, 0xe4, 0xeb, 0x93, 0x39, 0x99, 0x23, 0xab, 0x04, 0x17, 0xfb, 0x17, }, },
	};
	uint8_t secret[SIR_SECRET_SIZE];
	for (unsigned i = 0; i < sizeof(secret); i++) {
		secret[i] = i;
	}
	for (unsigned v = 0; v < sizeof(vectors) / sizeof(vectors[0]); v++) {
		shunk_t peer = shunk2(vectors[v].peer, vectors[v].len);
		uint8_t c[SIR_COOKIE_SIZE], want[SIR_COOKIE_SIZE] = { 1, 2, 3, 4, };
		memcpy(want + 4, vectors[v].mac, 12);
		if (!make_sir_cookie(secret, 0x01020304, spis, peer, c, logger) ||
		    !sir_cookie_eq(c, want) || sir_cookie_time(c) != 0x01020304) {
			FAIL("cookie vector %u", v);
		}
		/* any other SPI, address or time gives another cookie */
		uint8_t other[16];
		memcpy(other, spis, 16);
		other[15] ^= 1;
		uint8_t d[SIR_COOKIE_SIZE];
		if (!make_sir_cookie(secret, 0x01020304, other, peer, d, logger) ||
		    sir_cookie_eq(c, d)) {
			FAIL("cookie ignores the SPIs (%u)", v);
		}
		if (!make_sir_cookie(secret, 0x01020305, spis, peer, d, logger) ||
		    memcmp(c + 4, d + 4, 12) == 0) {
			FAIL("cookie ignores the time (%u)", v);
		}
	}
	uint8_t c[SIR_COOKIE_SIZE];
	if (make_sir_cookie(secret, 0, spis, shunk2(spis, 5), c, logger)) {
		FAIL("cookie for a 5-octet address");
	}
}

int main(int argc, char *argv[])
{
	leak_detective = true;
	struct logger *logger = tool_logger(argc, argv);

	if (NSS_NoDB_Init(".") != SECSuccess) {
		fprintf(stderr, "NSS_NoDB_Init() failed\n");
		return 1;
	}

	set_fips_mode(FIPS_MODE_OFF);
	init_crypt_symkey(logger);	/* crypt_prf's keys from bytes */
	init_ike_alg(logger);		/* crypt_prf's PRFs */
	check_sir_cookie(logger);

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
