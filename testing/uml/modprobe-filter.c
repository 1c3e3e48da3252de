/*
 * The kernel's modprobe (/proc/sys/kernel/modprobe) in a UML test guest.
 *
 * The kernel asks for a module by spawning "modprobe -q -- NAME", and
 * asks often for names no module has or for modules already loaded:
 * the crypto API twice for every algorithm name it has not met
 * ("crypto-cbc(aes)", "crypto-cbc(aes)-all", "crypto-echainiv(authenc(
 * hmac(sha256),cbc(aes)))", ..., instances of templates, built once
 * the lookup fails), drbg for jitterentropy_rng.  Debian's modprobe
 * takes a quarter of a second in a guest to answer each: 3.5 s when
 * pluto starts, more at each new kind of SA.  This static program
 * answers those two cases from modules.alias and /proc/modules, and
 * hands every other request to /sbin/modprobe, which loads modules as
 * before (ipt_SNAT for iptables' -j SNAT, iptables' own calls, ...).
 *
 * usage (as the kernel and iptables call it): modprobe-filter [OPTION...] NAME
 */

#include <fnmatch.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* module names: '-' and '_' are the same */
static bool same_module(const char *a, const char *b)
{
	for (; *a != '\0' && *b != '\0'; a++, b++) {
		char ca = (*a == '-' ? '_' : *a);
		char cb = (*b == '-' ? '_' : *b);
		if (ca != cb) {
			return false;
		}
	}
	return *a == *b;
}

static bool loaded(const char *module)
{
	FILE *f = fopen("/proc/modules", "r");
	if (f == NULL) {
		return false;
	}
	char line[512], name[256];
	bool found = false;
	while (!found && fgets(line, sizeof(line), f) != NULL) {
		found = (sscanf(line, "%255s", name) == 1 && same_module(name, module));
	}
	fclose(f);
	return found;
}

/* 0: NAME's module is loaded; 1: no module is called NAME; -1: ask modprobe */
static int answer(const char *name)
{
	char release[128], path[256];
	FILE *f = fopen("/proc/sys/kernel/osrelease", "r");
	if (f == NULL || fgets(release, sizeof(release), f) == NULL) {
		if (f != NULL) {
			fclose(f);
		}
		return -1;
	}
	fclose(f);
	release[strcspn(release, "\n")] = '\0';
	snprintf(path, sizeof(path), "/lib/modules/%s/modules.alias", release);
	f = fopen(path, "r");
	if (f == NULL) {
		return -1;
	}
	char line[512], pattern[256], module[256];
	bool aliased = false;
	int r = -1;
	while (r != 0 && fgets(line, sizeof(line), f) != NULL) {
		if (sscanf(line, "alias %255s %255s", pattern, module) == 2 &&
		    fnmatch(pattern, name, 0) == 0) {
			aliased = true;
			if (loaded(module)) {
				r = 0;
			}
		}
	}
	fclose(f);
	if (r == 0) {
		return 0;
	}
	if (!aliased && strchr(name, '(') != NULL) {
		return 1;	/* an instance of templates, never a module */
	}
	if (!aliased && loaded(name)) {
		return 0;
	}
	return -1;
}

int main(int argc, char *argv[])
{
	if (argc >= 2 && argv[argc - 1][0] != '-') {
		int r = answer(argv[argc - 1]);
		if (r >= 0) {
			return r;
		}
	}
	/* kmod picks its command from argv[0] */
	argv[0] = "/sbin/modprobe";
	execv(argv[0], argv);
	return 1;
}
