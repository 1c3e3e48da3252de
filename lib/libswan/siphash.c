/* SipHash-2-4, for libreswan
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
 * From the algorithm's description (https://131002.net/siphash/);
 * checked against its test vectors by qcdcheck.
 */

#include "siphash.h"

static uint64_t le64(const uint8_t *p)
{
	uint64_t v = 0;
	for (unsigned i = 0; i < 8; i++) {
		v |= (uint64_t)p[i] << (8 * i);
	}
	return v;
}

#define ROTL(X, B) (((X) << (B)) | ((X) >> (64 - (B))))

#define SIPROUND(V0, V1, V2, V3)					\
	{								\
		V0 += V1; V1 = ROTL(V1, 13); V1 ^= V0; V0 = ROTL(V0, 32); \
		V2 += V3; V3 = ROTL(V3, 16); V3 ^= V2;			\
		V0 += V3; V3 = ROTL(V3, 21); V3 ^= V0;			\
		V2 += V1; V1 = ROTL(V1, 17); V1 ^= V2; V2 = ROTL(V2, 32); \
	}

uint64_t siphash24(const uint8_t key[SIPHASH_KEY_SIZE], const void *data, size_t len)
{
	const uint8_t *in = data;
	uint64_t k0 = le64(key), k1 = le64(key + 8);
	uint64_t v0 = k0 ^ 0x736f6d6570736575ULL;
	uint64_t v1 = k1 ^ 0x646f72616e646f6dULL;
	uint64_t v2 = k0 ^ 0x6c7967656e657261ULL;
	uint64_t v3 = k1 ^ 0x7465646279746573ULL;

	size_t whole = len - len % 8;
	for (size_t i = 0; i < whole; i += 8) {
		uint64_t m = le64(in + i);
		v3 ^= m;
		SIPROUND(v0, v1, v2, v3);
		SIPROUND(v0, v1, v2, v3);
		v0 ^= m;
	}

	/* the last 0-7 octets, and the length in the top octet */
	uint64_t b = (uint64_t)len << 56;
	for (size_t i = 0; i < len % 8; i++) {
		b |= (uint64_t)in[whole + i] << (8 * i);
	}
	v3 ^= b;
	SIPROUND(v0, v1, v2, v3);
	SIPROUND(v0, v1, v2, v3);
	v0 ^= b;

	v2 ^= 0xff;
	for (unsigned r = 0; r < 4; r++) {
		SIPROUND(v0, v1, v2, v3);
	}
	return v0 ^ v1 ^ v2 ^ v3;
}
