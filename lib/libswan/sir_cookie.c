/* SIR-style CHECK_SPI cookies, for libreswan
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
 * The querier's cookie, echoed by the answerer: what makes an
 * unauthenticated answer acceptable only from someone who saw the
 * query (testing/programs/sircheck has its known answers).
 */

#include <string.h>

#include <nss.h>		/* for NSS_SecureMemcmp() */

#include "sir_cookie.h"
#include "ike_alg.h"
#include "crypt_prf.h"
#include "crypt_mac.h"
#include "ike_alg_prf.h"	/* for ike_alg_prf_sha2_256 */

bool make_sir_cookie(const uint8_t secret[SIR_SECRET_SIZE], uint32_t t,
		     const uint8_t ike_spis[16], shunk_t peer,
		     uint8_t cookie[SIR_COOKIE_SIZE], struct logger *logger)
{
	if (peer.len != 4 && peer.len != 16) {
		return false;
	}
	cookie[0] = t >> 24;
	cookie[1] = t >> 16;
	cookie[2] = t >> 8;
	cookie[3] = t;
	struct crypt_prf *prf = crypt_prf_init_bytes("SIR cookie", &ike_alg_prf_sha2_256,
						     "secret", secret, SIR_SECRET_SIZE,
						     logger);
	if (prf == NULL) {
		return false;
	}
	crypt_prf_update_bytes(prf, "time", cookie, 4);
	crypt_prf_update_bytes(prf, "IKE SPIs", ike_spis, 16);
	crypt_prf_update_bytes(prf, "peer", peer.ptr, peer.len);
	struct crypt_mac mac = crypt_prf_final_mac(&prf, NULL);
	if (mac.len < SIR_COOKIE_SIZE - 4) {
		return false;
	}
	memcpy(cookie + 4, mac.ptr, SIR_COOKIE_SIZE - 4);
	explicit_bzero(&mac, sizeof(mac));
	return true;
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
