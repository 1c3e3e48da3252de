/* libFuzzer harness: the survivor's parser of INVALID_SPI hints (RFC
 * 7296 1.5), lib/libswan/qcd_hint.c.  Input: the IKE header's Next
 * Payload octet, then the payloads. */
#include <stdint.h>
#include <stddef.h>
#include "qcd_hint.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1) {
		return 0;
	}
	struct invalid_spi_hint hint;
	const char *diag = parse_invalid_spi_hint(data[0], shunk2(data + 1, size - 1), &hint);
	if (diag == NULL && (hint.nr_spis == 0 || hint.nr_spis > INVALID_SPI_HINT_MAX)) {
		__builtin_trap();
	}
	for (unsigned i = 0; diag == NULL && i < hint.nr_spis; i++) {
		if (hint.spis[i] == 0) {
			__builtin_trap();
		}
	}
	return 0;
}
