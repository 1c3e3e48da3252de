/* The QCD secret and its rollover (RFC 6290 5.1), for libreswan
 *
 * Copyright (C) 2026 The libreswan-qcd authors.
 *
 * This program is free software; you can redistribute it and/or modify it
 * under the terms of the GNU General Public License as published by the
 * Free Software Foundation; either version 2 of the License, or (at your
 * option) any later version.  See <https://www.gnu.org/licenses/gpl2.txt>.
 *
 * This program is distributed in the hope that it will be useful, but
 * WITHOUT ANY WARRANTY; without even the implied warranty of MERCHANTABILITY
 * or FITNESS FOR A PARTICULAR PURPOSE.  See the GNU General Public License
 * for more details.
 *
 * RFC 6290 5.1.  A Stateless Method of Token Generation:
 *
 *   TOKEN_SECRET_DATA = HASH(QCD_SECRET, SPI-I | SPI-R)
 *
 *   [...] if the QCD_SECRET is changed, tokens that were previously
 *   generated can no longer be verified.  [...] implementations
 *   SHOULD allow for a rollover of the QCD_SECRET
 */

#include "defs.h"

#include "qcd_secret.h"
#include "qcd_token.h"

#include "log.h"
#include "jambuf.h"
#include "lswnss.h"

/*
 * pluto opens its NSS database read-only, so it can't create the
 * key; "ipsec qcdsecret" does, out of band, and "ipsec checknss" runs it
 * when a connection has qcd=yes or qcd=maker.  Without the key this
 * pluto is a taker only.
 */

static struct {
	bool looked;		/* lookup attempted */
	/*
	 * [0] is the current secret (NULL: taker only), then the
	 * older generations found (RFC 6290 5.1 rollover), newest
	 * first.
	 */
	PK11SymKey *keys[QCD_SECRET_GENERATIONS];
	uint32_t ids[QCD_SECRET_GENERATIONS];	/* see key_id() */
	unsigned nr_keys;
	bool current;		/* [0] is "qcd-secret", not an older one */
} qcd_secret;

static unsigned older_generations(void)
{
	return qcd_secret.nr_keys - (qcd_secret.current ? 1 : 0);
}

/*
 * A key's identity, to tell whether the generation that made an IKE
 * SA's token is still loaded (RFC 6290 4.4.): the first octets of its
 * token for all-zero SPIs, which no IKE SA has (SPIi is never zero).
 * Kept in memory only, never shown.  False when the key can't compute
 * tokens, which makes it as good as none.
 */
static bool key_id(PK11SymKey *key, uint32_t *id, struct logger *logger)
{
	struct qcd_token probe;
	static const ike_spis_t zero_spis;
	if (!qcd_token_from_secret(key, &zero_spis, empty_shunk, &probe, logger)) {
		return false;
	}
	memcpy(id, probe.ptr, sizeof(*id));
	wipe_qcd_token(&probe);
	return true;
}

static bool usable_qcd_key(PK11SymKey *key, const char *nickname, uint32_t *id,
			   struct logger *logger)
{
	if (!key_id(key, id, logger)) {
		llog(RC_LOG, logger,
		     "QCD: the \"%s\" key in the NSS database cannot compute HMAC-SHA2-256 tokens (NSS error %d); ignored",
		     nickname, PORT_GetError());
		return false;
	}
	return true;
}

static PK11SymKey *get_qcd_secret(struct logger *logger)
{
	if (qcd_secret.looked) {
		return qcd_secret.keys[0];
	}
	qcd_secret.looked = true;
	PK11SlotInfo *slot = lsw_nss_get_authenticated_slot(logger);
	if (slot == NULL) {
		llog(RC_LOG, logger,
		     "QCD: cannot open the NSS database to look for the \"%s\" key; acting as taker only",
		     QCD_SECRET_NICKNAME);
		return NULL;
	}
	/*
	 * The current generation, then the older ones.  Any of them
	 * may be missing or unusable: the newest that works makes new
	 * tokens, and every one that works answers (a rollover that
	 * was interrupted between renaming the current key and naming
	 * the new one leaves no current key, but the older ones).
	 */
	qcd_secret.current = false;
	for (unsigned g = 0; g < QCD_SECRET_GENERATIONS; g++) {
		qcd_nickname_buf nb;
		const char *nickname = str_qcd_secret_nickname(g, &nb);
		PK11SymKey *key = qcd_find_secret(slot, nickname, logger);
		if (key == NULL) {
			continue;
		}
		/*
		 * Tokens are made with a copy in memory.  With the
		 * key in the database each one re-reads the
		 * database's SQLite files (174 us on a quiet host);
		 * in a small guest a flood of unknown-SPI requests
		 * kept pluto too busy reading it to read its IKE
		 * socket.
		 */
		PK11SymKey *copy = qcd_secret_session_copy(key);
		if (copy != NULL) {
			PK11_FreeSymKey(key);
			key = copy;
		} else {
			llog(RC_LOG, logger,
			     "QCD: cannot copy the \"%s\" key from the NSS database into memory (NSS error %d); each token will read the database",
			     nickname, PORT_GetError());
		}
		uint32_t id;
		if (!usable_qcd_key(key, nickname, &id, logger)) {
			PK11_FreeSymKey(key);
			continue;
		}
		ldbg(logger, "QCD: using the \"%s\" key from the NSS database", nickname);
		qcd_secret.current |= (g == 0);
		qcd_secret.ids[qcd_secret.nr_keys] = id;
		qcd_secret.keys[qcd_secret.nr_keys++] = key;
	}
	PK11_FreeSlot(slot);
	if (qcd_secret.nr_keys == 0) {
		llog(RC_LOG, logger,
		     "QCD: no \"%s\" key in the NSS database (create it with 'ipsec qcdsecret --create'); acting as taker only",
		     QCD_SECRET_NICKNAME);
	} else if (!qcd_secret.current) {
		llog(RC_LOG, logger,
		     "QCD: no usable \"%s\" key in the NSS database, but %u older generation%s (an interrupted 'ipsec qcdsecret --rollover'?); making tokens with the newest",
		     QCD_SECRET_NICKNAME, qcd_secret.nr_keys,
		     (qcd_secret.nr_keys == 1 ? "" : "s"));
	}
	return qcd_secret.keys[0];
}

bool qcd_secret_usable(struct logger *logger)
{
	return (get_qcd_secret(logger) != NULL);
}

unsigned qcd_secret_generations(void)
{
	return qcd_secret.nr_keys;
}

bool qcd_secret_token(unsigned g, const ike_spis_t *spis, shunk_t binding,
		      struct qcd_token *token, struct logger *logger)
{
	return (g < qcd_secret.nr_keys &&
		qcd_token_from_secret(qcd_secret.keys[g], spis, binding, token, logger));
}

uint32_t qcd_secret_id(unsigned g)
{
	return (g < qcd_secret.nr_keys ? qcd_secret.ids[g] : 0);
}

bool qcd_secret_id_loaded(uint32_t id)
{
	for (unsigned g = 0; g < qcd_secret.nr_keys; g++) {
		if (qcd_secret.ids[g] == id) {
			return true;
		}
	}
	return false;
}

void free_qcd_secret(void)
{
	for (unsigned i = 0; i < qcd_secret.nr_keys; i++) {
		PK11_FreeSymKey(qcd_secret.keys[i]);
		qcd_secret.keys[i] = NULL;
		qcd_secret.ids[i] = 0;
	}
	qcd_secret.nr_keys = 0;
	qcd_secret.current = false;
	qcd_secret.looked = false;
}

bool reload_qcd_secret_keys(struct logger *logger)
{
	bool had = (qcd_secret.nr_keys > 0);
	uint32_t before = qcd_secret.ids[0];
	free_qcd_secret();
	PK11SymKey *current = get_qcd_secret(logger);
	return (current != NULL && (!had || qcd_secret.ids[0] != before));
}

void jam_qcd_secret_reloaded(struct jambuf *buf)
{
	if (qcd_secret.current) {
		jam(buf, "QCD: loaded a new \"%s\" key (%u older generation%s kept)",
		    QCD_SECRET_NICKNAME, older_generations(),
		    (older_generations() == 1 ? "" : "s"));
	} else {
		jam(buf, "QCD: making tokens with the newest of %u older generation%s",
		    older_generations(), (older_generations() == 1 ? "" : "s"));
	}
}

void jam_qcd_secret_status(struct jambuf *buf)
{
	jam_string(buf, (!qcd_secret.looked ? "not looked up yet (no maker connection)" :
			 qcd_secret.current ? "present (\""QCD_SECRET_NICKNAME"\" in the NSS database)" :
			 qcd_secret.nr_keys > 0 ? "missing, making tokens with the newest older generation" :
			 "missing (taker only)"));
	if (older_generations() > 0) {
		jam(buf, ", %u older generation%s", older_generations(),
		    (older_generations() == 1 ? "" : "s"));
	}
}
