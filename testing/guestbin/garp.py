#!/usr/bin/python3
"""Announce that this host now has ADDRESS on IFACE: one gratuitous ARP
request (sender and target ADDRESS, from IFACE's MAC), as a standby
gateway does when it takes over a service address, so that neighbours
update the entry they have for it at once.

usage: garp.py IFACE ADDRESS"""
import socket
import struct
import sys

if len(sys.argv) != 3:
    sys.exit(__doc__)
iface, addr = sys.argv[1], sys.argv[2]
mac = bytes.fromhex(open("/sys/class/net/%s/address" % iface).read().strip().replace(":", ""))
ip = socket.inet_aton(addr)
arp = struct.pack("!HHBBH", 1, 0x0800, 6, 4, 1) + mac + ip + bytes(6) + ip
frame = b"\xff" * 6 + mac + struct.pack("!H", 0x0806) + arp
s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
s.bind((iface, 0))
s.send(frame)
print("announced %s on %s" % (addr, iface))
