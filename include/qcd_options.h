/* RFC 6290 Quick Crash Detection (QCD) configuration, for libreswan
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

#ifndef QCD_OPTIONS_H
#define QCD_OPTIONS_H

struct sparse_names;

/*
 * qcd=no|yes|maker|taker (ipsec.conf).  The values are bit sets of
 * roles, with 0 as "not set" so that defaults work.
 */
enum qcd_options {
	QCD_UNSET = 0,
	QCD_NO = 1,
	QCD_MAKER = 2,
	QCD_TAKER = 4,
	QCD_YES = 6,	/* QCD_MAKER|QCD_TAKER */
};
#define QCD_ROLES (QCD_MAKER|QCD_TAKER)

/*
 * Bits pluto adds to a connection's QCD options (config->qcd) from
 * the keywords' own whack fields.  qcd-address-bound=yes: as a maker
 * it binds its tokens to the taker's address, RFC 6290 5.2.
 */
#define QCD_ADDRESS_BOUND 8

/*
 * sir=yes (ipsec.conf) adds this bit: the connection asks a peer that
 * answers without a valid token whether it has the IKE SA (SIR
 * CHECK_SPI), and this pluto answers such queries on its local
 * address.
 */
#define QCD_SIR 16

extern const struct sparse_names qcd_option_names;

#endif
