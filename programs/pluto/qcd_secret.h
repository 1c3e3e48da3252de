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
 */

#ifndef QCD_SECRET_H
#define QCD_SECRET_H

#include <stdbool.h>
#include <stdint.h>

#include "shunk.h"
#include "ike_spi.h"

struct logger;
struct jambuf;
struct qcd_token;

/*
 * The maker's secret: the persistent "qcd-secret" key of pluto's NSS
 * database and up to three older generations ("qcd-secret.1" to
 * ".3", RFC 6290 5.1 rollover), looked up once, when the first maker
 * connection is loaded (or the first token is needed), and again on
 * ipsec rereadsecrets.  The keys never leave this file; tokens do.
 */

/* looked up (once) and a generation found: this pluto can make tokens */
bool qcd_secret_usable(struct logger *logger);

/* how many generations are loaded; 0 is the one new tokens use */
unsigned qcd_secret_generations(void);

/*
 * The token for SPIS from generation G, bound to BINDING (the
 * taker's address as octets, RFC 6290 5.2; empty for 5.1's form).
 * False when G is not loaded or NSS fails.
 */
bool qcd_secret_token(unsigned g, const ike_spis_t *spis, shunk_t binding,
		      struct qcd_token *token, struct logger *logger);

/*
 * A generation's identity, kept with an IKE SA's token, to tell
 * later whether the generation that made it is still loaded (RFC 6290
 * 4.4): never shown, never a key.
 */
uint32_t qcd_secret_id(unsigned g);
bool qcd_secret_id_loaded(uint32_t id);

/*
 * ipsec rereadsecrets: look the keys up again; true when the current
 * generation changed (a rollover, or a key that was missing).
 */
bool reload_qcd_secret_keys(struct logger *logger);

/* "loaded a new ..." for the log line of a reload that changed it */
void jam_qcd_secret_reloaded(struct jambuf *buf);

/* --qcd-status: present, missing, older generations */
void jam_qcd_secret_status(struct jambuf *buf);

void free_qcd_secret(void);

#endif
