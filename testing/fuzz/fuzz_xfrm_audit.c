/* libFuzzer harness: the restarted side's parser of the kernel's
 * audit record of an unknown SPI (op=SA-notfound),
 * lib/libswan/qcd_hint.c.  Input: the record's text. */
#include <stdint.h>
#include <stddef.h>
#include <string.h>
#include "qcd_hint.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct xfrm_audit_notfound r;
	const char *diag = parse_xfrm_audit_notfound(shunk2(data, size), &r);
	if (diag == NULL && (r.spi == 0 || strlen(r.src) == 0 || strlen(r.dst) == 0 ||
			     strlen(r.src) >= sizeof(r.src) || strlen(r.dst) >= sizeof(r.dst))) {
		__builtin_trap();
	}
	return 0;
}
