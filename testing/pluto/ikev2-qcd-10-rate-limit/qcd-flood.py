#!/usr/bin/python3
# Send COUNT forged protected INFORMATIONAL requests, each for IKE SPIs
# east does not know, from one source address, as fast as possible;
# count east's unprotected INVALID_IKE_SPI answers.
# usage: qcd-flood.py COUNT
import os
import socket
import struct
import sys
import time

count = int(sys.argv[1])
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(("192.1.2.45", 0))
# SK payload: generic header + octets standing in for IV, ciphertext
# and ICV, as long as a QCD taker's padded request (196 octets in all)
sk = struct.pack("!BBH", 0, 0, 196 - 28) + bytes(196 - 32)
start = time.monotonic()
for i in range(count):
    spis = os.urandom(16)
    # next payload SK (46), version 2.0, INFORMATIONAL (37), flags I,
    # Message ID 1
    hdr = spis + struct.pack("!BBBBII", 46, 0x20, 37, 0x08, 1, 28 + len(sk))
    s.sendto(hdr + sk, ("192.1.2.23", 500))
elapsed = time.monotonic() - start
answers = 0
s.settimeout(3)
try:
    while True:
        reply, _ = s.recvfrom(4096)
        # an unprotected response whose first payload is a Notify (41)
        if reply[16] == 41 and reply[19] & 0x20:
            answers += 1
except socket.timeout:
    pass
# the bucket holds 2 and refills 1/s: at most 2 + the seconds taken
# (how many, exactly, depends on how fast this host sends: shown only
# when outside the limit)
if 1 <= answers <= 2 + int(elapsed) + 1:
    print("sent %d requests; answered within the limit: yes" % count)
else:
    print("sent %d requests; answered: %d in %.1fs; within the limit: no" %
          (count, answers, elapsed))
