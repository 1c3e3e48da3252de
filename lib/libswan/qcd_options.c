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
 *
 * Kept apart from qcd_token.c so that addconn and whack, which parse
 * qcd=, do not pull in NSS.
 */

#include "qcd_options.h"
#include "sparse_names.h"

const struct sparse_names qcd_option_names = {
	.list = {
		SPARSE("no",	QCD_NO),
		SPARSE("yes",	QCD_YES),
		SPARSE("maker",	QCD_MAKER),
		SPARSE("taker",	QCD_TAKER),
		SPARSE_NULL
	},
};
