/* libFuzzer harness: the reading of SIR CHECK_SPI queries and answers,
 * decode_v2_sir_message(): pluto's own IKE header parser and payload
 * decoder, then the SIR checks.  Input: a whole message; like pluto,
 * it goes on only with an IKEv2 message (either role) whose first
 * payload is not SK or SKF.  Linked with pluto's objects
 * (pluto_harness.h).
 *
 * Before fuzzing, the known messages below are decoded and must be
 * accepted or refused as marked, whole and cut short at every length.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pluto_harness.h"
#include "ikev2_sir.h"

/* decode MESSAGE; NULL, or why it was refused */
static const char *decode(const uint8_t *message, size_t size, unsigned *type)
{
	enum message_role role = (size > 19 && (message[19] & ISAKMP_FLAGS_v2_MSG_R) ?
				  MESSAGE_RESPONSE : MESSAGE_REQUEST);
	struct msg_digest *md = unprotected_md(message, size, role);
	if (md == NULL) {
		return "not an unprotected IKEv2 message";
	}
	uint8_t cookie[SIR_COOKIE_SIZE];
	const char *diag = decode_v2_sir_message(md, type, cookie);
	if (diag == NULL && *type != SIR_CHECK_SPI && *type != SIR_SPI_KNOWN &&
	    *type != SIR_SPI_UNKNOWN) {
		__builtin_trap();	/* accepted what it must not */
	}
	md_delref(&md);
	return diag;
}

static void check_known_messages(void)
{
#define SIR(TYPE) 0, 0, 0, 24, 1, 0, (TYPE) >> 8, (TYPE) & 0xff, \
		0xc0, 0xc1, 0xc2, 0xc3, 0xc4, 0xc5, 0xc6, 0xc7, \
		0xc8, 0xc9, 0xca, 0xcb, 0xcc, 0xcd, 0xce, 0xcf
	static const struct {
		const char *what;
		uint8_t flags;
		uint8_t n[48];
		size_t len;
		size_t at;		/* then set octet AT (of N) ... */
		uint8_t value;		/* ... to VALUE (AT 0: leave it) */
		unsigned type;		/* 0: refused */
	} tests[] = {
		{ "query", ISAKMP_FLAGS_v2_IKE_I, { SIR(SIR_CHECK_SPI) }, 24, 0, 0, SIR_CHECK_SPI, },
		{ "ACK", ISAKMP_FLAGS_v2_MSG_R, { SIR(SIR_SPI_KNOWN) }, 24, 0, 0, SIR_SPI_KNOWN, },
		{ "NACK", ISAKMP_FLAGS_v2_MSG_R, { SIR(SIR_SPI_UNKNOWN) }, 24, 0, 0, SIR_SPI_UNKNOWN, },
		{ "Protocol ID 3", 0, { SIR(SIR_CHECK_SPI) }, 24, 4, 3, 0, },
		{ "SPI Size 4", 0, { SIR(SIR_CHECK_SPI) }, 24, 5, 4, 0, },
		{ "type 50303", 0, { SIR(SIR_CHECK_SPI) }, 24, 7, (50303 & 0xff), 0, },
		{ "another payload follows", 0, { SIR(SIR_CHECK_SPI) }, 24, 0, 0, 0, },
		{ "cookie of 15 octets", 0, { SIR(SIR_CHECK_SPI) }, 24, 3, 23, 0, },
		{ "trailing octet", 0, { SIR(SIR_CHECK_SPI), 0xee, }, 25, 0, 0, 0, },
	};
	unsigned fails = 0;
	for (unsigned t = 0; t < elemsof(tests); t++) {
		uint8_t buf[128];
		fake_ike_header(buf, ISAKMP_NEXT_v2N, ISAKMP_v2_INFORMATIONAL, tests[t].flags);
		memset(buf + 20, 0xff, 4);	/* Message ID */
		memcpy(buf + 28, tests[t].n, tests[t].len);
		size_t len = 28 + tests[t].len;
		if (tests[t].at != 0) {
			buf[28 + tests[t].at] = tests[t].value;
		}
		if (strcmp(tests[t].what, "another payload follows") == 0) {
			/* a second copy, chained */
			buf[28] = ISAKMP_NEXT_v2N;
			memcpy(buf + len, tests[t].n, tests[t].len);
			len += tests[t].len;
		}
		set_ike_length(buf, len);
		unsigned type = 0;
		const char *diag = decode(buf, len, &type);
		if ((diag == NULL) != (tests[t].type != 0) ||
		    (diag == NULL && type != tests[t].type)) {
			fprintf(stderr, "FAIL [%s]: %s\n", tests[t].what,
				(diag == NULL ? "accepted" : diag));
			fails++;
		}
		for (size_t cut = 1; tests[t].type != 0 && cut < len; cut++) {
			if (decode(buf, len - cut, &type) == NULL) {
				fprintf(stderr, "FAIL [%s]: accepted when cut by %zu\n",
					tests[t].what, cut);
				fails++;
			}
		}
	}
	if (fails > 0) {
		abort();
	}
#undef SIR
}

int LLVMFuzzerInitialize(int *argc UNUSED, char ***argv UNUSED);
int LLVMFuzzerInitialize(int *argc UNUSED, char ***argv UNUSED)
{
	check_known_messages();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned type;
	decode(data, size, &type);
	return 0;
}
