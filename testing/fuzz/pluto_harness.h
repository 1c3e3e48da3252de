/* What a libFuzzer harness that calls into pluto's objects needs:
 * the few globals of plutomain.c (not linked), and a message digest
 * made the way pluto's demux makes one.
 */

#ifndef PLUTO_HARNESS_H
#define PLUTO_HARNESS_H

#include "defs.h"
#include "demux.h"
#include "packet.h"
#include "log.h"
#include "x509.h"
#include "message_role.h"

/* plutomain.c's */
bool in_main_thread(void) { return true; }
deltatime_t crl_check_interval;
void delete_lock(void) {}
void free_pluto_main(void) {}
void show_setup_plutomain(struct show *s UNUSED) {}

/*
 * MESSAGE as pluto's demux would hand it on (process_md(): the IKE
 * header parsed), or NULL when demux would have dropped it or when
 * it is not an IKEv2 message with the R flag as ROLE says and a first
 * payload other than SK and SKF (what the unprotected paths see).
 * Release with md_delref().
 */
static struct msg_digest *unprotected_md(const uint8_t *message, size_t size,
					 enum message_role role)
{
	static const ip_endpoint nowhere;
	struct msg_digest *md = alloc_md(NULL, &nowhere, message, size, HERE);
	diag_t d = pbs_in_struct(&md->packet_pbs, &isakmp_hdr_desc,
				 &md->hdr, sizeof(md->hdr), &md->message_pbs);
	if (d != NULL) {
		pfree_diag(&d);
		md_delref(&md);
		return NULL;
	}
	if (hdr_ike_version(&md->hdr) != IKEv2 ||
	    v2_msg_role(md) != role ||
	    md->hdr.isa_np == ISAKMP_NEXT_v2SK ||
	    md->hdr.isa_np == ISAKMP_NEXT_v2SKF) {
		md_delref(&md);
		return NULL;
	}
	return md;
}

/* an IKEv2 header into BUF (28 octets; the length set by the caller) */
static void fake_ike_header(uint8_t *buf, uint8_t np, uint8_t exchange, uint8_t flags)
{
	memset(buf, 0x11, 16);		/* IKE SPIs */
	buf[16] = np;
	buf[17] = 0x20;			/* IKEv2 */
	buf[18] = exchange;
	buf[19] = flags;
	memset(buf + 20, 0, 8);		/* Message ID, Length */
}

static void set_ike_length(uint8_t *buf, size_t len)
{
	buf[24] = len >> 24; buf[25] = len >> 16; buf[26] = len >> 8; buf[27] = len;
}

#endif
