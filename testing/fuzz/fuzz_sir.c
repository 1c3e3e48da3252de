/* libFuzzer harness: the parser of SIR CHECK_SPI queries and answers,
 * lib/libswan/qcd_sir.c.  Input: the IKE header's Next Payload octet,
 * then the payloads. */
#include <stdint.h>
#include <stddef.h>
#include "qcd_sir.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1) {
		return 0;
	}
	unsigned type;
	uint8_t cookie[SIR_COOKIE_SIZE];
	const char *diag = parse_sir_message(data[0], shunk2(data + 1, size - 1), &type, cookie);
	if (diag == NULL && type != SIR_CHECK_SPI && type != SIR_SPI_KNOWN &&
	    type != SIR_SPI_UNKNOWN) {
		__builtin_trap();
	}
	return 0;
}
