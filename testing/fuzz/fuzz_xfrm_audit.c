/* libFuzzer harness: the restarted side's parser of the kernel's
 * audit record of an unknown SPI (op=SA-notfound),
 * lib/libswan/xfrm_audit_notfound.c, after its known cases.  Input:
 * the record's text. */
#include <stdint.h>
#include <stddef.h>
#include <string.h>
#include <stdio.h>
#include <stdlib.h>
#include <arpa/inet.h>
#include "lswcdefs.h"
#include "xfrm_audit_notfound.h"

/* the kernel's audit record of an unknown SPI */
static void check_xfrm_audit_notfound(void)
{
	unsigned fails = 0;
	static const struct {
		const char *text;
		const char *src, *dst;
		uint32_t spi;	/* host order; 0: refused */
	} tests[] = {
		{ "audit(1700000000.123:45): op=SA-notfound src=192.1.2.45 dst=192.1.2.23 spi=3735928559(0xdeadbeef) seqno=7",
		  "192.1.2.45", "192.1.2.23", 0xdeadbeef, },
		{ "op=SA-notfound src=2001:db8:1:2::45 dst=2001:db8:1:2::23 flowlbl=0x000000 spi=4096(0x1000) seqno=1",
		  "2001:db8:1:2::45", "2001:db8:1:2::23", 0x1000, },
		{ "audit(1.2:3): op=SA-replay-overflow src=192.1.2.45 dst=192.1.2.23 spi=1(0x1) seqno=7", NULL, NULL, 0, },
		{ "audit(1.2:3): op=SA-notfoundX src=192.1.2.45 dst=192.1.2.23 spi=1(0x1) seqno=7", NULL, NULL, 0, },
		{ "audit(1.2:3): op=SA-notfound src=192.1.2.45 dst=192.1.2.23 spi=2(0x1) seqno=7", NULL, NULL, 0, },
		{ "audit(1.2:3): op=SA-notfound src=192.1.2.45 dst=192.1.2.23 spi=4294967296(0x100000000)", NULL, NULL, 0, },
		{ "audit(1.2:3): op=SA-notfound src=192.1.2.45 spi=1(0x1)", NULL, NULL, 0, },
		{ "audit(1.2:3): op=SA-notfound src=192.1.2.45;rm dst=192.1.2.23 spi=1(0x1)", NULL, NULL, 0, },
		{ "audit(1.2:3): op=SA-notfound src=192.1.2.45 src=192.1.2.46 dst=192.1.2.23 spi=1(0x1)", NULL, NULL, 0, },
		{ "audit(1.2:3): op=SA-notfound src=192.1.2.45 dst=192.1.2.23 spi=0(0x0)", NULL, NULL, 0, },
		{ "audit(1.2:3 op=SA-notfound src=192.1.2.45 dst=192.1.2.23 spi=1(0x1)", NULL, NULL, 0, },
		{ "", NULL, NULL, 0, },
	};
	for (unsigned t = 0; t < elemsof(tests); t++) {
		struct xfrm_audit_notfound r;
		shunk_t text = shunk1(tests[t].text);
		const char *diag = parse_xfrm_audit_notfound(text, &r);
		if (tests[t].spi == 0) {
			if (diag == NULL) {
				fprintf(stderr, "FAIL audit: [%u] accepted\n", t); fails++;
			}
		} else if (diag != NULL) {
			fprintf(stderr, "FAIL audit: [%u] refused: %s\n", t, diag); fails++;
		} else if (strcmp(r.src, tests[t].src) != 0 || strcmp(r.dst, tests[t].dst) != 0 ||
			   r.spi != htonl(tests[t].spi)) {
			fprintf(stderr, "FAIL audit: [%u] parsed as %s %s %08x\n", t, r.src, r.dst, ntohl(r.spi)); fails++;
		}
		/* any prefix: never read beyond the end */
		for (size_t cut = 1; cut < text.len; cut++) {
			parse_xfrm_audit_notfound(shunk2(text.ptr, text.len - cut), &r);
		}
	}
	/* a long record is refused */
	char big[700];
	memset(big, 'a', sizeof(big));
	struct xfrm_audit_notfound r;
	if (parse_xfrm_audit_notfound(shunk2(big, sizeof(big)), &r) == NULL) {
		fprintf(stderr, "FAIL audit: 700 octets accepted\n"); fails++;
	}
	if (fails > 0) {
		abort();
	}
}

int LLVMFuzzerInitialize(int *argc UNUSED, char ***argv UNUSED);
int LLVMFuzzerInitialize(int *argc UNUSED, char ***argv UNUSED)
{
	check_xfrm_audit_notfound();
	return 0;
}

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
