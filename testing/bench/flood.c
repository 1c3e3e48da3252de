/*
 * flood: the attacker of `make bench-flood`.  From a third host on the
 * gateways' network, send the unauthenticated traffic this project
 * answers or examines, as fast as this host can, for a while:
 *
 *   ike     IKEv2 requests for unknown IKE SPIs to MAKER:500 (QCD maker:
 *           INVALID_IKE_SPI + token), from random sources
 *   natt    the same to MAKER:4500, after the non-ESP marker
 *   esp     ESP for unknown SPIs to MAKER (kernel audit, INVALID_SPI
 *           hint), from random sources
 *   sirq    SIR CHECK_SPI queries for random SPIs to MAKER:500, from
 *           random sources
 *   hint    INVALID_SPI hints for random SPIs to TAKER:500, spoofed
 *           from MAKER:500 (the taker's real peer)
 *   sira    SIR answers (SPI_UNKNOWN) with random cookies to
 *           TAKER:500, spoofed from MAKER:500
 *
 * The kinds take turns, one packet each.  IPv4, raw socket, every
 * source address forged (random sources are taken from 198.18.0.0/15,
 * RFC 2544's benchmarking range, so that per-source limits do not
 * hide the global ones).  IKE requests are 196 octets, as long as a
 * QCD taker's (shorter ones get no answer).
 *
 * Environment: FLOOD_PPS=N sends N packets a second in all (default:
 * as fast as possible); FLOOD_SOURCE=A forges A instead: as the source
 * of the kinds sent to MAKER, and as MAKER's address in those sent to
 * TAKER (a flood from a real peer's address, the worst case for
 * per-source limits and host-pair lookups).
 *
 * usage: flood MAKER TAKER SECONDS [KINDS]
 * KINDS: comma separated, default all of the above.  SIGTERM or SIGINT
 * ends the flood early (the last line is still printed).
 * Prints one line per second (packets sent that second) and, last,
 *   flood sent=<n> seconds=<s> pps=<n/s>
 */

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/ip.h>
#include <netinet/udp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

enum kind { IKE, NATT, ESP, SIRQ, HINT, SIRA, NR_KINDS };
static const char *const kind_names[NR_KINDS] = {
	"ike", "natt", "esp", "sirq", "hint", "sira",
};

#define SIR_CHECK_SPI 50300
#define SIR_SPI_UNKNOWN 50302
#define INVALID_SPI 11

static uint64_t rng = 0x9e3779b97f4a7c15ULL;
static volatile sig_atomic_t stop;

static void on_term(int sig)
{
	(void)sig;
	stop = 1;
}

static uint32_t rand32(void)
{
	/* xorshift64*: not for secrets, only to look like many sources */
	rng ^= rng >> 12;
	rng ^= rng << 25;
	rng ^= rng >> 27;
	return (uint32_t)((rng * 0x2545f4914f6cdd1dULL) >> 32);
}

static void put_random(uint8_t *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		p[i] = rand32();
	}
}

static uint16_t ip_checksum(const void *data, size_t len)
{
	const uint8_t *b = data;
	uint32_t sum = 0;
	for (size_t i = 0; i + 1 < len; i += 2) {
		sum += (b[i] << 8) | b[i + 1];
	}
	if (len & 1) {
		sum += b[len - 1] << 8;
	}
	while (sum >> 16) {
		sum = (sum & 0xffff) + (sum >> 16);
	}
	return htons(~sum);
}

/* IKEv2 header (RFC 7296 3.1); LEN is the whole message */
static size_t ike_header(uint8_t *p, const uint8_t spis[16], uint8_t np,
			 uint8_t flags, uint32_t msgid, size_t len)
{
	memcpy(p, spis, 16);
	p[16] = np;
	p[17] = 0x20;		/* version 2.0 */
	p[18] = 37;		/* INFORMATIONAL */
	p[19] = flags;
	uint32_t m = htonl(msgid), l = htonl(len);
	memcpy(p + 20, &m, 4);
	memcpy(p + 24, &l, 4);
	return 28;
}

/* a Notify payload, Protocol ID PROTO, SPI size 0, DATA */
static size_t notify(uint8_t *p, uint8_t proto, uint16_t type,
		     const uint8_t *data, size_t dlen)
{
	uint16_t len = htons(8 + dlen), t = htons(type);
	p[0] = 0; p[1] = 0;
	memcpy(p + 2, &len, 2);
	p[4] = proto; p[5] = 0;
	memcpy(p + 6, &t, 2);
	memcpy(p + 8, data, dlen);
	return 8 + dlen;
}

/* the IKE message or ESP packet of KIND at P; returns its length */
static size_t payload(enum kind kind, uint8_t *p)
{
	uint8_t spis[16], data[16];
	put_random(spis, sizeof(spis));
	size_t n = 0;
	switch (kind) {
	case NATT:
		memset(p, 0, 4);	/* non-ESP marker */
		p += 4;
		n = 4;
		/* fall through */
	case IKE:
		/* protected request for SPIs nobody knows, as long as a taker's */
		n += ike_header(p, spis, 46, 0x08, 1 + (rand32() & 0xff), 196);
		p[28] = 0; p[29] = 0; p[30] = 0; p[31] = 196 - 28;
		put_random(p + 32, 196 - 32);
		return n + 196 - 28;
	case ESP:
		/* SPI, sequence number, 64 octets of "ciphertext" */
		put_random(p, 4 + 64);
		p[4] = 0; p[5] = 0; p[6] = 0; p[7] = 1;
		return 8 + 64;
	case SIRQ:
	case SIRA:
		put_random(data, 16);	/* cookie */
		n = notify(p + 28, 1, (kind == SIRQ ? SIR_CHECK_SPI : SIR_SPI_UNKNOWN),
			   data, 16);
		ike_header(p, spis, 41, (kind == SIRQ ? 0x08 : 0x20), 0xffffffff, 28 + n);
		return 28 + n;
	case HINT:
		/* RFC 7296 1.5: zero SPIr, Message ID 0, N(INVALID_SPI) */
		memset(spis + 8, 0, 8);
		put_random(data, 4);
		n = notify(p + 28, 0, INVALID_SPI, data, 4);
		ike_header(p, spis, 41, 0x08, 0, 28 + n);
		return 28 + n;
	case NR_KINDS:
		break;
	}
	return 0;
}

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char *argv[])
{
	if (argc < 4) {
		fprintf(stderr, "usage: %s MAKER TAKER SECONDS [ike,natt,esp,sirq,hint,sira]\n", argv[0]);
		return 2;
	}
	struct in_addr maker, taker;
	if (inet_pton(AF_INET, argv[1], &maker) != 1 ||
	    inet_pton(AF_INET, argv[2], &taker) != 1) {
		fprintf(stderr, "flood: MAKER and TAKER are IPv4 addresses\n");
		return 2;
	}
	double seconds = atof(argv[3]);
	enum kind kinds[NR_KINDS];
	unsigned nr = 0;
	const char *list = (argc > 4 ? argv[4] : "ike,natt,esp,sirq,hint,sira");
	for (enum kind k = 0; k < NR_KINDS; k++) {
		const char *name = kind_names[k];
		size_t len = strlen(name);
		for (const char *s = list; (s = strstr(s, name)) != NULL; s += len) {
			if ((s == list || s[-1] == ',') && (s[len] == ',' || s[len] == '\0')) {
				kinds[nr++] = k;
				break;
			}
		}
	}
	if (nr == 0) {
		fprintf(stderr, "flood: no known kind in '%s'\n", list);
		return 2;
	}
	rng ^= (uint64_t)getpid() << 32 ^ (uint64_t)time(NULL);
	double pps = (getenv("FLOOD_PPS") != NULL ? atof(getenv("FLOOD_PPS")) : 0);
	struct in_addr source = { 0 };
	if (getenv("FLOOD_SOURCE") != NULL &&
	    inet_pton(AF_INET, getenv("FLOOD_SOURCE"), &source) != 1) {
		fprintf(stderr, "flood: FLOOD_SOURCE is an IPv4 address\n");
		return 2;
	}

	int raw = socket(AF_INET, SOCK_RAW, IPPROTO_RAW);
	if (raw < 0) {
		perror("flood: raw socket");
		return 1;
	}
	int sndbuf = 4 << 20;
	setsockopt(raw, SOL_SOCKET, SO_SNDBUF, &sndbuf, sizeof(sndbuf));

	signal(SIGTERM, on_term);
	signal(SIGINT, on_term);
	uint8_t pkt[512];
	unsigned long sent = 0, second = 0, dropped = 0;
	double start = now(), mark = start, t = start;
	for (unsigned long i = 0; t - start < seconds && !stop; i++) {
		enum kind k = kinds[i % nr];
		struct ip *ip = (struct ip *)pkt;
		uint8_t *l4 = pkt + sizeof(*ip);
		size_t len;
		memset(ip, 0, sizeof(*ip));
		ip->ip_v = 4;
		ip->ip_hl = 5;
		ip->ip_ttl = 64;
		int to_maker = (k == IKE || k == NATT || k == ESP || k == SIRQ);
		ip->ip_dst = (to_maker ? maker : taker);
		if (source.s_addr != 0) {
			ip->ip_src = source;
		} else if (to_maker) {
			/* 198.18.0.0/15 */
			ip->ip_src.s_addr = htonl(0xc6120000 | (rand32() & 0x1ffff));
		} else {
			ip->ip_src = maker;
		}
		if (k == ESP) {
			ip->ip_p = IPPROTO_ESP;
			len = payload(k, l4);
		} else {
			struct udphdr *udp = (struct udphdr *)l4;
			size_t n = payload(k, l4 + sizeof(*udp));
			uint16_t port = (k == NATT ? 4500 : 500);
			udp->uh_sport = htons(port);
			udp->uh_dport = htons(port);
			udp->uh_ulen = htons(sizeof(*udp) + n);
			udp->uh_sum = 0;	/* optional over IPv4 */
			ip->ip_p = IPPROTO_UDP;
			len = sizeof(*udp) + n;
		}
		ip->ip_len = htons(sizeof(*ip) + len);
		ip->ip_sum = ip_checksum(ip, sizeof(*ip));
		struct sockaddr_in to = { .sin_family = AF_INET, .sin_addr = ip->ip_dst };
		if (sendto(raw, pkt, sizeof(*ip) + len, 0, (struct sockaddr *)&to, sizeof(to)) < 0) {
			if (errno != ENOBUFS && errno != EAGAIN) {
				perror("flood: sendto");
				return 1;
			}
			dropped++;
		} else {
			sent++;
			second++;
		}
		if (pps > 0) {
			/* paced: packet i is due at start + i / pps */
			double due = start + (i + 1) / pps;
			t = now();
			if (due > t) {
				struct timespec ts = {
					.tv_sec = (time_t)(due - t),
					.tv_nsec = (long)(((due - t) - (time_t)(due - t)) * 1e9),
				};
				nanosleep(&ts, NULL);
			}
		}
		if ((i & 63) == 0 || pps > 0) {
			t = now();
			if (t - mark >= 1.0) {
				printf("flood %.0f %lu\n", t - start, second);
				fflush(stdout);
				second = 0;
				mark = t;
			}
		}
	}
	double took = now() - start;
	printf("flood sent=%lu seconds=%.1f pps=%.0f not_sent=%lu\n",
	       sent, took, sent / took, dropped);
	return 0;
}
