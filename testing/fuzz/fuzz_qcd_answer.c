/* libFuzzer harness: the QCD taker's reading of an unprotected answer
 * (RFC 6290 4.5), decode_v2_QUICK_CRASH_DETECTION_answer(): pluto's
 * own IKE header parser and payload decoder, then the token checks.
 * Input: a whole message; like pluto, it goes on only with an IKEv2
 * response whose first payload is not SK or SKF.  Linked with pluto's
 * objects (pluto_harness.h).
 *
 * Before fuzzing, the known answers below are decoded and must be
 * accepted or refused as marked, whole and cut short at every length.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pluto_harness.h"
#include "ikev2_qcd.h"
/* (built in the tree's programs/pluto, as pluto's own objects are) */
#include "../../testing/programs/qcdcheck/build_notifies.h"

/* decode MESSAGE; NULL, or why it was refused */
static const char *decode(const uint8_t *message, size_t size, unsigned *nr_tokens)
{
	struct msg_digest *md = unprotected_md(message, size, MESSAGE_RESPONSE);
	if (md == NULL) {
		return "not an unprotected IKEv2 response";
	}
	struct v2_qcd_answer answer;
	const char *diag = decode_v2_QUICK_CRASH_DETECTION_answer(md, md->logger, &answer);
	if (diag == NULL &&
	    (answer.nr_tokens == 0 || answer.nr_tokens > QCD_MAX_TOKENS)) {
		__builtin_trap();	/* accepted what it must not */
	}
	for (unsigned i = 0; diag == NULL && i < answer.nr_tokens; i++) {
		if (answer.tokens[i].len < QCD_TOKEN_MIN_SIZE ||
		    answer.tokens[i].len > QCD_TOKEN_MAX_SIZE) {
			__builtin_trap();
		}
	}
	*nr_tokens = answer.nr_tokens;
	wipe_v2_qcd_answer(&answer);
	md_delref(&md);
	return diag;
}

/* a message: the IKE header, then notifies (type, protoid, spisize, data length) */
static size_t build(uint8_t *buf, const struct n *ns, unsigned nr, size_t trailing)
{
	fake_ike_header(buf, (nr > 0 ? ISAKMP_NEXT_v2N : ISAKMP_NEXT_v2NONE),
			ISAKMP_v2_INFORMATIONAL, ISAKMP_FLAGS_v2_MSG_R);
	size_t off = 28 + build_notifies(buf + 28, ns, nr, trailing);
	set_ike_length(buf, off);
	return off;
}

static void check_known_answers(void)
{
#define ISPI { v2N_INVALID_IKE_SPI, 0, 0, 0 }
#define QCD(LEN) { v2N_QUICK_CRASH_DETECTION, 1, 0, LEN }
	static const struct {
		const char *what;
		struct n ns[6];
		unsigned nr;
		size_t trailing;
		bool ok;
		unsigned tokens;
	} tests[] = {
		{ "32 octets", { ISPI, QCD(32), }, 2, 0, true, 1, },
		{ "15 octets", { ISPI, QCD(15), }, 2, 0, false, 0, },
		{ "16 octets", { ISPI, QCD(16), }, 2, 0, true, 1, },
		{ "128 octets", { ISPI, QCD(128), }, 2, 0, true, 1, },
		{ "129 octets", { ISPI, QCD(129), }, 2, 0, false, 0, },
		{ "Protocol ID 0", { ISPI, { v2N_QUICK_CRASH_DETECTION, 0, 0, 32 }, }, 2, 0, false, 0, },
		{ "Protocol ID 3", { ISPI, { v2N_QUICK_CRASH_DETECTION, 3, 0, 32 }, }, 2, 0, false, 0, },
		{ "SPI size 4", { ISPI, { v2N_QUICK_CRASH_DETECTION, 1, 4, 32 }, }, 2, 0, false, 0, },
		{ "trailing bytes", { ISPI, QCD(32), }, 2, 1, false, 0, },
		{ "no INVALID_IKE_SPI", { QCD(32), }, 1, 0, false, 0, },
		{ "no token", { ISPI, }, 1, 0, false, 0, },
		{ "no payload", { ISPI, }, 0, 0, false, 0, },
		{ "four tokens", { ISPI, QCD(32), QCD(16), QCD(64), QCD(32), }, 5, 0, true, 4, },
		{ "five tokens", { ISPI, QCD(32), QCD(32), QCD(32), QCD(32), QCD(32), }, 6, 0, false, 0, },
		{ "token first", { QCD(32), ISPI, }, 2, 0, true, 1, },
		{ "other notify", { ISPI, { v2N_COOKIE2, 0, 0, 8 }, QCD(32), }, 3, 0, true, 1, },
	};
	unsigned fails = 0;
	for (unsigned t = 0; t < elemsof(tests); t++) {
		uint8_t buf[1024];
		size_t len = build(buf, tests[t].ns, tests[t].nr, tests[t].trailing);
		unsigned tokens = 0;
		const char *diag = decode(buf, len, &tokens);
		if ((diag == NULL) != tests[t].ok ||
		    (diag == NULL && tokens != tests[t].tokens)) {
			fprintf(stderr, "FAIL [%s]: %s, %u tokens\n", tests[t].what,
				(diag == NULL ? "accepted" : diag), tokens);
			fails++;
		}
		/* cut short at every length: never accepted, never overread */
		for (size_t cut = 1; tests[t].ok && cut < len; cut++) {
			if (decode(buf, len - cut, &tokens) == NULL) {
				fprintf(stderr, "FAIL [%s]: accepted when cut by %zu\n",
					tests[t].what, cut);
				fails++;
			}
		}
	}
	if (fails > 0) {
		abort();
	}
#undef ISPI
#undef QCD
}

int LLVMFuzzerInitialize(int *argc UNUSED, char ***argv UNUSED);
int LLVMFuzzerInitialize(int *argc UNUSED, char ***argv UNUSED)
{
	check_known_answers();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned tokens;
	decode(data, size, &tokens);
	return 0;
}
