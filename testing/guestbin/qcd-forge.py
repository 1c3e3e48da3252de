#!/usr/bin/python3
"""Forge unauthenticated IKEv2 messages for QCD tests, and say what came back.

usage:
  qcd-forge.py probe [options]      send one forged message, print the answer
  qcd-forge.py elicit [options] F   send a forged protected request, keep
                                    the unprotected answer in file F
  qcd-forge.py replay F [options]   send the answer in F (Message ID and
                                    exchange type rewritten if asked)
  qcd-forge.py sniff-replay F [--dev IF] [options]
                                    watch IF (default eth1) for this host's
                                    next IKEv2 request to --to (an outgoing
                                    liveness probe), then send the answer
                                    in F with that request's SPIs, Message
                                    ID and exchange type to this host's
                                    pluto at once; with --spoof as if
                                    from --to (raw socket, IPv4), and
                                    with --junk K then K answers without
                                    a token as if from --to and K copies
                                    from this host's own address; with
                                    --match-exchange NAME only a request
                                    of that exchange is answered

  qcd-forge.py hint --spi HEX [--count N] [--spoof] [options]
                                    send the unprotected INVALID_SPI
                                    notification of RFC 7296 1.5 naming
                                    SPI, N times as fast as possible;
                                    with --spoof from --from through a
                                    raw socket (IPv4), whoever owns it

  qcd-forge.py sir-nack --from PEER --to QUERIER [--spi HEX] [--dev IF]
                                    an attacker on the path: watch IF
                                    (default eth1) for QUERIER's SIR
                                    CHECK_SPI query to PEER and answer it
                                    NACK, as if PEER sent it (raw socket,
                                    IPv4), first with a wrong cookie,
                                    then with the query's; with --spi,
                                    first send QUERIER a spoofed
                                    INVALID_SPI hint for SPI from PEER
  qcd-forge.py sir-query [options]  send a SIR CHECK_SPI query (random
                                    cookie) for --spis, print the answer;
                                    with --count N, N queries for random
                                    SPIs as fast as possible (a flood),
                                    with --spoof as if from --from

options:
  --from ADDR --to ADDR --port N    addresses (default 192.1.2.45 -> 192.1.2.23:500)
  --spis SPIi SPIr                  hex; default: random (SPIs nobody knows)
  --exchange NAME                   IKE_SA_INIT, IKE_AUTH, CREATE_CHILD_SA,
                                    INFORMATIONAL (default), IKE_SESSION_RESUME
  --flags I|R|IR|-                  header flags (default I)
  --payload SK|SKF|N                first payload (default SK)
  --msgid N                         Message ID (default 1)
  --size N                          octets of a forged SK/SKF message
                                    (default 196, what a QCD taker sends);
                                    given, probe shows both sizes
  --bounce                          probe: close the socket at once, so
                                    that the answer bounces
  --wait S                          how long to wait for an answer (default 2)

An answer is summarised as its flags, Message ID and notify types, so
that expected output never contains a token."""

import os
import socket
import struct
import sys
import time

EXCHANGES = {"IKE_SA_INIT": 34, "IKE_AUTH": 35, "CREATE_CHILD_SA": 36,
             "INFORMATIONAL": 37, "IKE_SESSION_RESUME": 38}
PAYLOADS = {"SK": 46, "SKF": 53, "N": 41}
NOTIFY_NAMES = {11: "INVALID_SPI", 4: "INVALID_IKE_SPI", 16419: "QUICK_CRASH_DETECTION",
                50300: "SIR_CHECK_SPI", 50301: "SIR_SPI_KNOWN", 50302: "SIR_SPI_UNKNOWN"}
SIR_CHECK_SPI, SIR_SPI_KNOWN, SIR_SPI_UNKNOWN = 50300, 50301, 50302


def options(argv):
    o = {"from": "192.1.2.45", "to": "192.1.2.23", "port": 500, "spis": None,
         "exchange": "INFORMATIONAL", "flags": "I", "payload": "SK",
         "msgid": 1, "wait": 2.0, "args": []}
    i = 0
    while i < len(argv):
        a = argv[i]
        if a == "--spis":
            o["spis"] = bytes.fromhex(argv[i + 1]) + bytes.fromhex(argv[i + 2])
            i += 3
            continue
        if a in ("--spoof", "--bounce"):
            o[a[2:]] = True
            i += 1
            continue
        if a.startswith("--"):
            k = a[2:]
            v = argv[i + 1]
            o.setdefault("given", set()).add(k)
            o[k] = (int(v) if k in ("port", "msgid") else
                    float(v) if k == "wait" else v)
            i += 2
            continue
        o["args"].append(a)
        i += 1
    return o


def family(addr):
    return socket.AF_INET6 if ":" in addr else socket.AF_INET


def message(o):
    spis = o["spis"] or os.urandom(16)
    flags = (0x08 if "I" in o["flags"] else 0) | (0x20 if "R" in o["flags"] else 0)
    np = PAYLOADS[o["payload"]]
    if np == 41:
        # a bare Notify (INVALID_SYNTAX), as an unprotected message would be
        body = struct.pack("!BBHBBH", 0, 0, 8, 0, 0, 7)
    else:
        # SK/SKF: generic header + octets standing in for IV, ciphertext
        # and ICV, making a message of --size octets (default 196: a
        # QCD taker pads its requests to that, the length of a maker's
        # longest answer, and a maker answers no shorter request)
        size = int(o.get("size", "196"))
        body = struct.pack("!BBH", 0, 0, max(size - 28, 4)) + bytes(max(size - 32, 0))
    hdr = spis + struct.pack("!BBBBII", np, 0x20, EXCHANGES[o["exchange"]], flags,
                             o["msgid"], 28 + len(body))
    return hdr + body


def describe(reply):
    if len(reply) < 28:
        return "a runt of %d octets" % len(reply)
    flags = reply[19]
    msgid = struct.unpack("!I", reply[20:24])[0]
    names = []
    np, off = reply[16], 28
    while np != 0 and off + 4 <= len(reply):
        nxt, _, plen = struct.unpack("!BBH", reply[off:off + 4])
        if np == 41 and plen >= 8:
            ntype = struct.unpack("!H", reply[off + 6:off + 8])[0]
            names.append("N(%s)" % NOTIFY_NAMES.get(ntype, ntype))
        else:
            names.append("payload %d" % np)
        np, off = nxt, off + max(plen, 4)
    return "flags %s, Message ID %d, %s" % (
        ("R" if flags & 0x20 else "") + ("I" if flags & 0x08 else "") or "-",
        msgid, " ".join(names) or "no payload")


def sock(o):
    s = socket.socket(family(o["to"]), socket.SOCK_DGRAM)
    s.bind((o["from"], 0))
    s.settimeout(o["wait"])
    return s


def send_and_wait(o):
    s = sock(o)
    s.sendto(message(o), (o["to"], o["port"]))
    try:
        reply, _ = s.recvfrom(4096)
        return reply
    except socket.timeout:
        return None


def probe(o):
    if o.get("bounce"):
        # send, and close the socket at once: the answer bounces
        # (ICMP port unreachable) into the answerer's error queue
        s = sock(o)
        s.sendto(message(o), (o["to"], o["port"]))
        s.close()
        print("%s %s message sent from a socket closed at once" % (o["to"], o["exchange"]))
        return
    reply = send_and_wait(o)
    if "size" in o.get("given", ()):
        # the message's size, and the answer's
        print("%s %d-octet %s message: %s" % (
            o["to"], len(message(o)), o["exchange"],
            "answered with %d octets: %s" % (len(reply), describe(reply)) if reply else "no answer"))
        return
    print("%s %s message, flags %s, first payload %s: %s" % (
        o["to"], o["exchange"], o["flags"], o["payload"],
        "answered: " + describe(reply) if reply else "no answer"))


def elicit(o):
    reply = send_and_wait(o)
    if reply is None:
        print("%s: no answer" % o["to"])
        return 1
    open(o["args"][0], "wb").write(reply)
    print("%s answered: %s" % (o["to"], describe(reply)))
    return 0


def rewrite(reply, spis=None, xchg=None, msgid=None, flags=None):
    b = bytearray(reply)
    if spis is not None:
        b[0:16] = spis
    if xchg is not None:
        b[18] = xchg
    if flags is not None:
        b[19] = flags
    if msgid is not None:
        b[20:24] = struct.pack("!I", msgid)
    return bytes(b)


def replay(o):
    reply = open(o["args"][0], "rb").read()
    given = o.get("given", set())
    reply = rewrite(reply,
                    xchg=EXCHANGES[o["exchange"]] if "exchange" in given else None,
                    msgid=o["msgid"] if "msgid" in given else None)
    s = sock(o)
    s.sendto(reply, (o["to"], o["port"]))
    print("replayed %s to %s" % (describe(reply), o["to"]))


def sniff_replay(o):
    """Watch --dev (default eth1) for this host's next IKEv2 request
    to --to, then send the kept answer to our own pluto, as that
    request's answer (SPIs, exchange type, Message ID, and the I flag
    set exactly when the request's was clear)."""
    reply = open(o["args"][0], "rb").read()
    raw = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(0x0003))
    raw.bind((o.get("dev", "eth1"), 0))
    raw.settimeout(o["wait"])
    deadline = time.monotonic() + o["wait"]
    while time.monotonic() < deadline:
        try:
            frame = raw.recv(65535)
        except socket.timeout:
            break
        ethertype = struct.unpack("!H", frame[12:14])[0]
        ip = frame[14:]
        if ethertype == 0x0800 and len(ip) >= 20 and ip[9] == 17:
            dst = socket.inet_ntop(socket.AF_INET, ip[16:20])
            udp = ip[(ip[0] & 0x0f) * 4:]
        elif ethertype == 0x86dd and len(ip) >= 40 and ip[6] == 17:
            dst = socket.inet_ntop(socket.AF_INET6, ip[24:40])
            udp = ip[40:]
        else:
            continue
        if dst != o["to"] or len(udp) < 8 + 28:
            continue
        dport = struct.unpack("!H", udp[2:4])[0]
        ike = udp[8:]
        if dport == 4500 and ike[:4] == bytes(4):
            ike = ike[4:]
        if dport != o["port"] or len(ike) < 28 or ike[17] != 0x20 or ike[19] & 0x20:
            continue	# not an IKEv2 request to --to
        if "match-exchange" in o and ike[18] != EXCHANGES[o["match-exchange"]]:
            continue	# not the exchange asked for
        msgid = struct.unpack("!I", ike[20:24])[0]
        flags = 0x20 | (0 if ike[19] & 0x08 else 0x08)
        forged = rewrite(reply, spis=ike[0:16], xchg=ike[18], msgid=msgid, flags=flags)
        what = {v: k for k, v in EXCHANGES.items()}.get(ike[18], ike[18])
        if o.get("spoof"):
            # from the request's destination (the peer) to us
            raw = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_RAW)
            spoof_udp(raw, o["to"], o["from"], o["port"], o["port"], forged)
            print("answered this host's %s request with the kept reply, as if from %s" %
                  (what, o["to"]))
            junk = int(o.get("junk", "0"))
            if junk:
                # answers to the same request that could not be the
                # peer's: without a token, as if from the peer; the
                # kept reply again, from this host's own address
                n = struct.pack("!BBHBBH", 0, 0, 8, 0, 0, 4)
                bare = bytearray(forged[:28] + n)
                bare[16] = 41
                bare[24:28] = struct.pack("!I", len(bare))
                for _ in range(junk):
                    spoof_udp(raw, o["to"], o["from"], o["port"], o["port"], bytes(bare))
                s = socket.socket(family(o["from"]), socket.SOCK_DGRAM)
                s.bind((o["from"], 0))
                for _ in range(junk):
                    s.sendto(forged, (o["from"], o["port"]))
                print("then %d answers without a token as if from %s, and %d copies from this host" %
                      (junk, o["to"], junk))
            return 0
        s = socket.socket(family(o["from"]), socket.SOCK_DGRAM)
        s.bind((o["from"], 0))
        s.sendto(forged, (o["from"], o["port"]))
        print("answered this host's %s request with the kept reply" % what)
        return 0
    print("no request seen")
    return 1


def hint_message(spi):
    """RFC 7296 1.5: random SPIi, zero SPIr, I set, Message ID 0,
    N(INVALID_SPI) with Protocol ID 0, SPI Size 0, the SPI as data."""
    n = struct.pack("!BBHBBH", 0, 0, 8 + 4, 0, 0, 11) + spi
    return (os.urandom(8) + bytes(8) +
            struct.pack("!BBBBII", 41, 0x20, 37, 0x08, 0, 28 + len(n)) + n)


def checksum(b):
    if len(b) % 2:
        b += b"\0"
    s = sum(struct.unpack("!%dH" % (len(b) // 2), b))
    s = (s >> 16) + (s & 0xffff)
    s += s >> 16
    return ~s & 0xffff


def hint(o):
    spi = bytes.fromhex(o["spi"])
    count = int(o.get("count", "1"))
    sport = int(o.get("sport", o["port"]))
    if o.get("spoof"):
        raw = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_RAW)
        src, dst = socket.inet_aton(o["from"]), socket.inet_aton(o["to"])
        start = time.monotonic()
        for _ in range(count):
            m = hint_message(spi)
            udp = struct.pack("!HHHH", sport, o["port"], 8 + len(m), 0) + m
            ip = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(udp), 0, 0, 64, 17, 0, src, dst)
            ip = ip[:10] + struct.pack("!H", checksum(ip)) + ip[12:]
            raw.sendto(ip + udp, (o["to"], 0))
        took = time.monotonic() - start
    else:
        s = sock(o)
        start = time.monotonic()
        for _ in range(count):
            s.sendto(hint_message(spi), (o["to"], o["port"]))
        took = time.monotonic() - start
    print("sent %d INVALID_SPI hint%s for SPI %s to %s" %
          (count, "" if count == 1 else "s", o["spi"], o["to"]))
    sys.stderr.write("(%d in %.2fs: %.0f/s)\n" % (count, took, count / max(took, 1e-6)))


def sir_message(spis, flags, ntype, cookie):
    """A SIR message: unprotected INFORMATIONAL, Message ID 0xffffffff,
    one Notify (Protocol ID 1, SPI Size 0) carrying the cookie."""
    n = struct.pack("!BBHBBH", 0, 0, 8 + len(cookie), 1, 0, ntype) + cookie
    return spis + struct.pack("!BBBBII", 41, 0x20, 37, flags, 0xffffffff, 28 + len(n)) + n


def spoof_udp(raw, src, dst, sport, dport, payload):
    udp = struct.pack("!HHHH", sport, dport, 8 + len(payload), 0) + payload
    ip = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(udp), 0, 0, 64, 17, 0,
                     socket.inet_aton(src), socket.inet_aton(dst))
    ip = ip[:10] + struct.pack("!H", checksum(ip)) + ip[12:]
    raw.sendto(ip + udp, (dst, 0))


def sir_nack(o):
    """On the path between QUERIER (--to) and PEER (--from): answer
    QUERIER's next CHECK_SPI query to PEER with a forged NACK."""
    peer, querier = o["from"], o["to"]
    sniff = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(0x0003))
    sniff.bind((o.get("dev", "eth1"), 0))
    sniff.settimeout(o["wait"])
    raw = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_RAW)
    if o.get("spi"):
        spoof_udp(raw, peer, querier, 500, 500, hint_message(bytes.fromhex(o["spi"])))
        print("sent %s a spoofed INVALID_SPI hint for its SPI, as if from %s" % (querier, peer))
    deadline = time.monotonic() + o["wait"]
    while time.monotonic() < deadline:
        try:
            frame = sniff.recv(65535)
        except socket.timeout:
            break
        ip = frame[14:]
        if struct.unpack("!H", frame[12:14])[0] != 0x0800 or len(ip) < 20 or ip[9] != 17:
            continue
        src = socket.inet_ntop(socket.AF_INET, ip[12:16])
        dst = socket.inet_ntop(socket.AF_INET, ip[16:20])
        udp = ip[(ip[0] & 0x0f) * 4:]
        if src != querier or dst != peer or len(udp) < 8:
            continue
        sport, dport = struct.unpack("!HH", udp[0:4])
        ike = udp[8:]
        marker = b""
        if dport == 4500 and ike[:4] == bytes(4):
            marker, ike = ike[:4], ike[4:]
        if (len(ike) != 28 + 8 + 16 or ike[16] != 41 or ike[18] != 37 or
                ike[19] & 0x20 or ike[20:24] != b"\xff\xff\xff\xff" or
                struct.unpack("!H", ike[34:36])[0] != SIR_CHECK_SPI):
            continue
        cookie = ike[36:52]
        flags = 0x20 | (0 if ike[19] & 0x08 else 0x08)
        wrong = cookie[:4] + bytes(b ^ 0xff for b in cookie[4:])
        for c in (wrong, cookie):
            spoof_udp(raw, peer, querier, dport, sport,
                      marker + sir_message(ike[0:16], flags, SIR_SPI_UNKNOWN, c))
        print("answered %s's CHECK_SPI query with forged NACKs, as if from %s (one with a wrong cookie, one with the query's)" %
              (querier, peer))
        return 0
    print("no CHECK_SPI query seen")
    return 1


def sir_query(o):
    flags = {"I": 0x08, "-": 0}[o["flags"]]
    count = int(o.get("count", "1"))
    if count > 1 and o.get("spoof"):
        # a flood spoofed from --from (raw socket, IPv4): the answers
        # go there, not here
        raw = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_RAW)
        start = time.monotonic()
        for _ in range(count):
            spoof_udp(raw, o["from"], o["to"], o["port"], o["port"],
                      sir_message(os.urandom(16), flags, SIR_CHECK_SPI, os.urandom(16)))
        took = time.monotonic() - start
        print("sent %d CHECK_SPI queries to %s, as if from %s" % (count, o["to"], o["from"]))
        sys.stderr.write("(%d in %.2fs: %.0f/s)\n" % (count, took, count / max(took, 1e-6)))
        return
    s = sock(o)
    if count > 1:
        # a flood: random SPIs, as fast as possible, then count answers
        start = time.monotonic()
        for _ in range(count):
            s.sendto(sir_message(os.urandom(16), flags, SIR_CHECK_SPI, os.urandom(16)),
                     (o["to"], o["port"]))
        took = time.monotonic() - start
        answers = 0
        s.settimeout(1.0)
        try:
            while True:
                s.recv(65535)
                answers += 1
        except socket.timeout:
            pass
        print("sent %d CHECK_SPI queries to %s" % (count, o["to"]))
        sys.stderr.write("(%d in %.2fs: %.0f/s; %d answers)\n" % (count, took, count / max(took, 1e-6), answers))
        return
    spis = o["spis"] or os.urandom(8) + os.urandom(8)
    s.sendto(sir_message(spis, flags, SIR_CHECK_SPI, os.urandom(16)), (o["to"], o["port"]))
    try:
        reply = s.recv(65535)
    except socket.timeout:
        print("no answer")
        return
    print("answer: %s" % describe(reply))


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    verb, o = sys.argv[1], options(sys.argv[2:])
    if verb == "probe":
        probe(o)
    elif verb == "elicit":
        sys.exit(elicit(o))
    elif verb == "replay":
        replay(o)
    elif verb == "sniff-replay":
        sys.exit(sniff_replay(o))
    elif verb == "hint":
        hint(o)
    elif verb == "sir-nack":
        sys.exit(sir_nack(o))
    elif verb == "sir-query":
        sir_query(o)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
