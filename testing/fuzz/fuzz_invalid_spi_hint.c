/* libFuzzer harness: the survivor's reading of an INVALID_SPI hint
 * (RFC 7296 1.5), decode_v2_INVALID_SPI_hint(): pluto's own IKE
 * header parser and payload decoder, then the hint's checks.  Input:
 * a whole message; like pluto, it goes on only with an IKEv2 request
 * whose first payload is not SK or SKF.  Linked with pluto's objects
 * (pluto_harness.h).
 *
 * Before fuzzing, the known hints below are decoded and must be
 * accepted or refused as marked, whole and cut short at every length.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pluto_harness.h"
#include "ikev2_invalid_spi.h"

/* decode MESSAGE; NULL, or why it was refused */
static const char *decode(const uint8_t *message, size_t size, struct v2_invalid_spi_hint *hint)
{
	struct msg_digest *md = unprotected_md(message, size, MESSAGE_REQUEST);
	if (md == NULL) {
		return "not an unprotected IKEv2 request";
	}
	const char *diag = decode_v2_INVALID_SPI_hint(md, hint);
	if (diag == NULL && (hint->nr_spis == 0 || hint->nr_spis > INVALID_SPI_HINT_MAX)) {
		__builtin_trap();	/* accepted what it must not */
	}
	for (unsigned i = 0; diag == NULL && i < hint->nr_spis; i++) {
		if (hint->spis[i] == 0) {
			__builtin_trap();
		}
	}
	md_delref(&md);
	return diag;
}

/* the header, then the notify payloads N (each starting with its generic header) */
static size_t build(uint8_t *buf, const uint8_t *n, size_t len, uint8_t np)
{
	fake_ike_header(buf, np, ISAKMP_v2_INFORMATIONAL, ISAKMP_FLAGS_v2_IKE_I);
	memcpy(buf + 28, n, len);
	set_ike_length(buf, 28 + len);
	return 28 + len;
}

static void check_known_hints(void)
{
	static const struct {
		const char *what;
		uint8_t n[64];
		size_t len;
		uint8_t np;
		unsigned nr_spis;	/* 0: refused */
	} tests[] = {
		{ "SPI as data (what pluto sends)",
		  { 0, 0, 0, 12, 0, 0, 0, v2N_INVALID_SPI, 0xde, 0xad, 0xbe, 0xef, }, 12, ISAKMP_NEXT_v2N, 1, },
		{ "SPI in the SPI field, Protocol ID ESP",
		  { 0, 0, 0, 12, PROTO_v2_ESP, 4, 0, v2N_INVALID_SPI, 0xde, 0xad, 0xbe, 0xef, }, 12, ISAKMP_NEXT_v2N, 1, },
		{ "two hints",
		  { ISAKMP_NEXT_v2N, 0, 0, 12, 0, 0, 0, v2N_INVALID_SPI, 1, 2, 3, 4,
		    0, 0, 0, 12, 0, 0, 0, v2N_INVALID_SPI, 5, 6, 7, 8, }, 24, ISAKMP_NEXT_v2N, 2, },
		{ "Protocol ID 1", { 0, 0, 0, 12, 1, 0, 0, v2N_INVALID_SPI, 1, 2, 3, 4, }, 12, ISAKMP_NEXT_v2N, 0, },
		{ "two SPIs", { 0, 0, 0, 16, 3, 4, 0, v2N_INVALID_SPI, 1, 2, 3, 4, 5, 6, 7, 8, }, 16, ISAKMP_NEXT_v2N, 0, },
		{ "no SPI", { 0, 0, 0, 8, 3, 0, 0, v2N_INVALID_SPI, }, 8, ISAKMP_NEXT_v2N, 0, },
		{ "SPI 0", { 0, 0, 0, 12, 3, 0, 0, v2N_INVALID_SPI, 0, 0, 0, 0, }, 12, ISAKMP_NEXT_v2N, 0, },
		{ "other notify only", { 0, 0, 0, 12, 3, 0, 0, v2N_INVALID_KE_PAYLOAD, 1, 2, 3, 4, }, 12, ISAKMP_NEXT_v2N, 0, },
		{ "trailing", { 0, 0, 0, 12, 3, 0, 0, v2N_INVALID_SPI, 1, 2, 3, 4, 0xee, }, 13, ISAKMP_NEXT_v2N, 0, },
		{ "length 7", { 0, 0, 0, 7, 3, 0, 0, v2N_INVALID_SPI, 1, 2, 3, 4, }, 12, ISAKMP_NEXT_v2N, 0, },
		{ "SK payload", { 0, 0, 0, 12, 0, 0, 0, v2N_INVALID_SPI, 1, 2, 3, 4, }, 12, ISAKMP_NEXT_v2SK, 0, },
		{ "no payload", { 0 }, 0, ISAKMP_NEXT_v2NONE, 0, },
	};
	unsigned fails = 0;
	for (unsigned t = 0; t < elemsof(tests); t++) {
		uint8_t buf[128];
		size_t len = build(buf, tests[t].n, tests[t].len, tests[t].np);
		struct v2_invalid_spi_hint hint;
		const char *diag = decode(buf, len, &hint);
		if ((diag == NULL) != (tests[t].nr_spis > 0) ||
		    (diag == NULL && hint.nr_spis != tests[t].nr_spis)) {
			fprintf(stderr, "FAIL [%s]: %s\n", tests[t].what,
				(diag == NULL ? "accepted" : diag));
			fails++;
		}
		if (diag == NULL && tests[t].len == 12 && memcmp(&hint.spis[0], tests[t].n + 8, 4) != 0) {
			fprintf(stderr, "FAIL [%s]: wrong SPI\n", tests[t].what);
			fails++;
		}
		for (size_t cut = 1; tests[t].nr_spis > 0 && cut < len; cut++) {
			if (decode(buf, len - cut, &hint) == NULL) {
				fprintf(stderr, "FAIL [%s]: accepted when cut by %zu\n",
					tests[t].what, cut);
				fails++;
			}
		}
	}
	/* five notifies: too many */
	uint8_t five[60], buf[128];
	for (unsigned i = 0; i < 5; i++) {
		memcpy(five + 12 * i, tests[0].n, 12);
		five[12 * i] = (i < 4 ? ISAKMP_NEXT_v2N : ISAKMP_NEXT_v2NONE);
	}
	struct v2_invalid_spi_hint hint;
	if (decode(buf, build(buf, five, sizeof(five), ISAKMP_NEXT_v2N), &hint) == NULL) {
		fprintf(stderr, "FAIL: five notifies accepted\n");
		fails++;
	}
	if (fails > 0) {
		abort();
	}
}

int LLVMFuzzerInitialize(int *argc UNUSED, char ***argv UNUSED);
int LLVMFuzzerInitialize(int *argc UNUSED, char ***argv UNUSED)
{
	check_known_hints();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct v2_invalid_spi_hint hint;
	decode(data, size, &hint);
	return 0;
}
