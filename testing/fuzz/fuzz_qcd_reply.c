/* libFuzzer harness: the taker's parser of unprotected QCD replies
 * (RFC 6290 4.5), lib/libswan/qcd_reply.c.  Input: the IKE header's
 * Next Payload octet, then the payloads. */
#include <stdint.h>
#include <stddef.h>
#include "qcd_token.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1) {
		return 0;
	}
	struct qcd_reply reply;
	const char *diag = qcd_parse_reply(data[0], shunk2(data + 1, size - 1), &reply);
	if (diag == NULL && (reply.nr_tokens == 0 || reply.nr_tokens > QCD_MAX_TOKENS ||
			     !reply.invalid_ike_spi)) {
		__builtin_trap();	/* accepted what it must not */
	}
	for (unsigned i = 0; diag == NULL && i < reply.nr_tokens; i++) {
		if (reply.tokens[i].len < QCD_TOKEN_MIN_SIZE ||
		    reply.tokens[i].len > QCD_TOKEN_MAX_SIZE) {
			__builtin_trap();
		}
	}
	wipe_qcd_reply(&reply);
	return 0;
}
