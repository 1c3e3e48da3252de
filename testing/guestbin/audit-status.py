#!/usr/bin/python3
"""Read or set the kernel's audit status (NETLINK_AUDIT), for tests of
invalid-spi-notify=, which must leave the operator's setting alone.

usage:
  audit-status.py              print "audit enabled=N"
  audit-status.py enable N     set enabled to N (0 or 1), as auditctl -e N
  audit-status.py caps PID     print whether process PID holds
                               CAP_AUDIT_CONTROL and CAP_AUDIT_READ"""

import os
import socket
import struct
import sys

NETLINK_AUDIT = 9
AUDIT_GET, AUDIT_SET = 1000, 1001
AUDIT_STATUS_ENABLED = 0x0001
NLM_F_REQUEST, NLM_F_ACK = 0x1, 0x4
NLMSG_ERROR = 2
CAP_AUDIT_CONTROL, CAP_AUDIT_READ = 30, 37


def request(msgtype, payload):
    s = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, NETLINK_AUDIT)
    s.settimeout(2)
    s.bind((0, 0))
    s.send(struct.pack("=IHHII", 16 + len(payload), msgtype, NLM_F_REQUEST | NLM_F_ACK, 1, 0) + payload)
    status, error = None, None
    while status is None or error is None:
        data = s.recv(8192)
        off = 0
        while off + 16 <= len(data):
            length, t = struct.unpack("=IH", data[off:off + 6])
            body = data[off + 16:off + length]
            if t == NLMSG_ERROR:
                error = -struct.unpack("=i", body[:4])[0]
            elif t == AUDIT_GET:
                status = struct.unpack("=IIIIIIII", body[:32])
            off += (length + 3) & ~3
        if msgtype == AUDIT_SET and error is not None:
            break
    return status, error


def main():
    if len(sys.argv) == 1:
        status, _ = request(AUDIT_GET, b"")
        print("audit enabled=%d" % status[1])
    elif sys.argv[1] == "enable":
        # struct audit_status: mask, enabled, failure, pid, rate_limit,
        # backlog_limit, lost, backlog
        _, error = request(AUDIT_SET, struct.pack("=IIIIIIII", AUDIT_STATUS_ENABLED,
                                                   int(sys.argv[2]), 0, 0, 0, 0, 0, 0))
        if error:
            sys.exit("audit-status.py: %s" % os.strerror(error))
    elif sys.argv[1] == "caps":
        eff = 0
        for line in open("/proc/%s/status" % sys.argv[2]):
            if line.startswith("CapEff:"):
                eff = int(line.split()[1], 16)
        print("CAP_AUDIT_CONTROL %s, CAP_AUDIT_READ %s" % (
            "held" if eff >> CAP_AUDIT_CONTROL & 1 else "not held",
            "held" if eff >> CAP_AUDIT_READ & 1 else "not held"))
    else:
        sys.exit(__doc__)


main()
