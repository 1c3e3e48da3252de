/* libFuzzer harness: the packet-dump masking of QCD tokens (sent and
 * received packets with plutodebug on), lib/libswan/qcd_reply.c.
 * Input: a whole message, as sent or received. */
#include <stdint.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include "qcd_token.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint8_t *out = malloc(size + 1);
	if (out == NULL) {
		return 0;
	}
	size_t n = qcd_mask_tokens(shunk2(data, size), out, size);
	if (n != 0 && n != size) {
		__builtin_trap();
	}
	/* masking only ever turns octets into zeros */
	for (size_t i = 0; i < n; i++) {
		if (out[i] != data[i] && out[i] != 0) {
			__builtin_trap();
		}
	}
	free(out);
	return 0;
}
