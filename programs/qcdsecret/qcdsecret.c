/* ipsec qcdsecret: manage the RFC 6290 QCD secret, for libreswan
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
 * RFC 6290 5.1.: "At installation or immediately after the first boot
 * of the device, the implementation generates a random number of at
 * least 32 octets ... it is stored in non-volatile storage and kept
 * indefinitely".
 *
 * pluto opens the NSS database read-only, so the secret is made here:
 * a 32-octet generic-secret key object, generated inside NSS, stored
 * in the database (token, sensitive, not extractable), usable only for
 * HMAC signing, found by its nickname "qcd-secret".  Its value is never
 * in this program's memory nor written anywhere but the database.
 */

#include <stdio.h>
#include <stdlib.h>
#include <getopt.h>
#include <string.h>

#include <pk11pub.h>

#include "lswtool.h"
#include "lswlog.h"
#include "lswnss.h"
#include "lswconf.h"
#include "lswalloc.h"
#include "qcd_token.h"
#include "ipsecconf/confread.h"
#include "ipsecconf/keywords.h"

static const char usage[] =
	"Usage: ipsec qcdsecret [--nssdir <dir>] --create | --rollover | --check | --status\n"
	"       ipsec qcdsecret [--nssdir <dir>] --create-if-enabled [--config <file>]\n"
	"\n"
	"Manage the RFC 6290 Quick Crash Detection secret (NSS key \"" QCD_SECRET_NICKNAME "\").\n"
	"  --create             create the secret unless it exists\n"
	"  --rollover           make a new secret; keep the current one and\n"
	"                       the two newest older ones as older generations\n"
	"                       (then run 'ipsec rereadsecrets')\n"
	"  --create-if-enabled  the same, but only when a connection in the\n"
	"                       configuration has qcd=yes or qcd=maker\n"
	"  --check              exit 0 when the secret exists, 1 when not\n"
	"  --status             say whether the secret exists, and how many\n"
	"                       older generations there are\n";

enum what { NOTHING, CREATE, CREATE_IF_ENABLED, ROLLOVER, CHECK, STATUS, };

static PK11SymKey *find(PK11SlotInfo *slot, unsigned generation, struct logger *logger)
{
	qcd_nickname_buf nb;
	return qcd_find_secret(slot, str_qcd_secret_nickname(generation, &nb), logger);
}

/*
 * While a rollover runs, the new key has this nickname: it is made
 * before anything else changes, so a database that can't take it
 * (read-only, full) is left as it was.
 */
#define QCD_SECRET_NEW_NICKNAME QCD_SECRET_NICKNAME ".new"

/* a new secret named NICKNAME; 0 or an exit status */
static int create_named(PK11SlotInfo *slot, const char *nickname,
			const char *nssdir, struct logger *logger)
{
	PK11SymKey *key = PK11_TokenKeyGenWithFlags(slot, CKM_GENERIC_SECRET_KEY_GEN,
						    NULL, QCD_SECRET_SIZE, NULL,
						    CKF_SIGN,
						    (PK11_ATTR_TOKEN |
						     PK11_ATTR_SENSITIVE |
						     PK11_ATTR_UNEXTRACTABLE),
						    lsw_nss_get_password_context(logger));
	if (key == NULL) {
		llog_nss_error(RC_LOG, logger,
			       "cannot create the QCD secret in %s (is the NSS database writable?)",
			       nssdir);
		return 3;
	}
	int status = 0;
	if (PK11_SetSymKeyNickname(key, nickname) != SECSuccess) {
		llog_nss_error(RC_LOG, logger, "cannot name the QCD secret");
		PK11_DeleteTokenSymKey(key);
		status = 3;
	}
	PK11_FreeSymKey(key);
	return status;
}

/* a new current secret; 0 or an exit status */
static int create(PK11SlotInfo *slot, const char *nssdir, struct logger *logger)
{
	return create_named(slot, QCD_SECRET_NICKNAME, nssdir, logger);
}

/*
 * RFC 6290 5.1. rollover: make the new key under a temporary name,
 * drop the oldest generation, shift the others one down (current
 * becomes .1), then give the new key the current name.  Renaming, not
 * copying: the keys never leave the token.  Interrupted, it leaves
 * either the database as it was (plus, at worst, a stale temporary
 * key, removed by the next rollover) or the older generations without
 * a current key, which pluto still loads and answers with (it makes
 * new tokens with the newest it finds).
 */
static int rollover(PK11SlotInfo *slot, const char *nssdir, struct logger *logger)
{
	PK11SymKey *stale = qcd_find_secret(slot, QCD_SECRET_NEW_NICKNAME, logger);
	if (stale != NULL) {
		/* left by an interrupted rollover: never used */
		PK11_DeleteTokenSymKey(stale);
		PK11_FreeSymKey(stale);
	}
	int status = create_named(slot, QCD_SECRET_NEW_NICKNAME, nssdir, logger);
	if (status != 0) {
		return status;
	}
	PK11SymKey *oldest = find(slot, QCD_SECRET_GENERATIONS - 1, logger);
	if (oldest != NULL) {
		if (PK11_DeleteTokenSymKey(oldest) != SECSuccess) {
			llog_nss_error(RC_LOG, logger,
				       "cannot delete the oldest QCD secret generation in %s", nssdir);
			PK11_FreeSymKey(oldest);
			return 3;
		}
		PK11_FreeSymKey(oldest);
	}
	unsigned kept = 0;
	for (int g = QCD_SECRET_GENERATIONS - 2; g >= 0; g--) {
		PK11SymKey *key = find(slot, g, logger);
		if (key == NULL) {
			continue;
		}
		qcd_nickname_buf nb;
		SECStatus s = PK11_SetSymKeyNickname(key, str_qcd_secret_nickname(g + 1, &nb));
		PK11_FreeSymKey(key);
		if (s != SECSuccess) {
			llog_nss_error(RC_LOG, logger,
				       "cannot rename QCD secret generation %d in %s", g, nssdir);
			return 3;
		}
		kept++;
	}
	PK11SymKey *key = qcd_find_secret(slot, QCD_SECRET_NEW_NICKNAME, logger);
	if (key == NULL ||
	    PK11_SetSymKeyNickname(key, QCD_SECRET_NICKNAME) != SECSuccess) {
		llog_nss_error(RC_LOG, logger,
			       "cannot name the new QCD secret in %s (the older generations are in place; run the rollover again)",
			       nssdir);
		if (key != NULL) {
			PK11_FreeSymKey(key);
		}
		return 3;
	}
	PK11_FreeSymKey(key);
	printf("QCD secret \"%s\" rolled over in %s; %u older generation%s kept\n",
	       QCD_SECRET_NICKNAME, nssdir, kept, (kept == 1 ? "" : "s"));
	return 0;
}

static unsigned older_generations(PK11SlotInfo *slot, struct logger *logger)
{
	unsigned n = 0;
	for (unsigned g = 1; g < QCD_SECRET_GENERATIONS; g++) {
		PK11SymKey *key = find(slot, g, logger);
		if (key != NULL) {
			n++;
			PK11_FreeSymKey(key);
		}
	}
	return n;
}

static bool qcd_maker_configured(const char *config, struct logger *logger)
{
	struct starter_config *cfg = confread_load(config, false, logger);
	if (cfg == NULL) {
		/* already logged; addconn --checkconfig reports it too */
		return false;
	}
	bool maker = false;
	struct starter_conn *conn;
	TAILQ_FOREACH(conn, &cfg->conns, link) {
		if (conn->values[KNCF_QCD].option & QCD_MAKER) {
			maker = true;
		}
	}
	confread_free(cfg);
	return maker;
}

int main(int argc, char *argv[])
{
	struct logger *logger = tool_logger(argc, argv);
	enum what what = NOTHING;
	const char *config = IPSEC_CONF;

	static const struct option options[] = {
		{ "nssdir", required_argument, NULL, 'd', },
		{ "config", required_argument, NULL, 'c', },
		{ "create", no_argument, NULL, 'C', },
		{ "create-if-enabled", no_argument, NULL, 'E', },
		{ "rollover", no_argument, NULL, 'R', },
		{ "check", no_argument, NULL, 'k', },
		{ "status", no_argument, NULL, 's', },
		{ "help", no_argument, NULL, 'h', },
		{ 0 },
	};
	int opt;
	while ((opt = getopt_long(argc, argv, "d:", options, NULL)) != -1) {
		switch (opt) {
		case 'd': lsw_conf_nssdir(optarg, logger); break;
		case 'c': config = optarg; break;
		case 'C': what = CREATE; break;
		case 'E': what = CREATE_IF_ENABLED; break;
		case 'R': what = ROLLOVER; break;
		case 'k': what = CHECK; break;
		case 's': what = STATUS; break;
		case 'h': fputs(usage, stdout); exit(0);
		default: fputs(usage, stderr); exit(2);
		}
	}
	if (what == NOTHING || optind != argc) {
		fputs(usage, stderr);
		exit(2);
	}

	if (what == CREATE_IF_ENABLED) {
		if (!qcd_maker_configured(config, logger)) {
			exit(0);
		}
		what = CREATE;
	}

	const struct lsw_conf_options *oco = lsw_init_options();
	/* read-write only when creating */
	init_nss(oco->nssdir, (struct nss_flags) { .open_readonly = (what != CREATE && what != ROLLOVER), }, logger);
	PK11SlotInfo *slot = lsw_nss_get_authenticated_slot(logger);
	if (slot == NULL) {
		/* already logged */
		shutdown_nss();
		exit(3);
	}

	int status = 0;
	PK11SymKey *key = find(slot, 0, logger);
	switch (what) {
	case CHECK:
		status = (key != NULL ? 0 : 1);
		break;
	case STATUS:
	{
		unsigned older = older_generations(slot, logger);
		printf("QCD secret \"%s\" %s in %s", QCD_SECRET_NICKNAME,
		       (key != NULL ? "present" : "missing"), oco->nssdir);
		if (older > 0) {
			printf("; %u older generation%s", older, (older == 1 ? "" : "s"));
		}
		printf("\n");
		status = (key != NULL ? 0 : 1);
		break;
	}
	case CREATE:
		if (key != NULL) {
			printf("QCD secret \"%s\" already present in %s\n",
			       QCD_SECRET_NICKNAME, oco->nssdir);
			break;
		}
		status = create(slot, oco->nssdir, logger);
		if (status == 0) {
			printf("QCD secret \"%s\" created in %s\n", QCD_SECRET_NICKNAME, oco->nssdir);
		}
		break;
	case ROLLOVER:
		if (key != NULL) {
			PK11_FreeSymKey(key);
			key = NULL;
		}
		status = rollover(slot, oco->nssdir, logger);
		break;
	default:
		break;
	}
	if (key != NULL) {
		PK11_FreeSymKey(key);
	}
	PK11_FreeSlot(slot);
	shutdown_nss();
	exit(status);
}
