#!/usr/bin/env python3
"""Write the inputs of make bench's size-bound cases (issue #15), all growing with N:
  same-address N OUT.dtb   N static reserved regions of 4 KiB, all at 0x90000000
  banks N OUT.dtb          N /memory banks of 1 MiB every 2 MiB, one reserved region in each
  lmb-dumps N OUT.lmb      an lmb script: one memory bank, 1,000 reserves, then N dump lines
The blobs are written directly, because dtc's parser runs out of stack on huge sibling lists.
Usage: gen-flood.py MODE N OUT"""
import struct, sys

mode, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
if mode == "lmb-dumps":
    with open(out, "w") as f:
        f.write("add 0x80000000 0x40000000\n")
        for i in range(1000):
            f.write(f"reserve {0x80000000 + i * 0x20000:#x} 0x10000\n")
        f.write("dump\n" * n)
    sys.exit(0)

strings, offsets, block = bytearray(), {}, bytearray()
def name_offset(name):
    if name not in offsets:
        offsets[name] = len(strings); strings.extend(name.encode() + b"\0")
    return offsets[name]
def cells(*values): return b"".join(struct.pack(">I", v) for v in values)
def pad(): block.extend(b"\0" * (-len(block) % 4))
def begin(name): block.extend(struct.pack(">I", 1) + name.encode() + b"\0"); pad()
def end(): block.extend(struct.pack(">I", 2))
def prop(name, value=b""): block.extend(struct.pack(">III", 3, len(value), name_offset(name)) + value); pad()
def reg(base, size): return cells(base >> 32, base & 0xffffffff, size >> 32, size & 0xffffffff)

begin("")
prop("#address-cells", cells(2)); prop("#size-cells", cells(2))
if mode == "same-address":
    begin("memory@80000000"); prop("device_type", b"memory\0"); prop("reg", reg(0x80000000, 0x40000000)); end()
    regions = [0x90000000] * n
elif mode == "banks":
    for i in range(n):
        base = 0x80000000 + i * 0x200000
        begin(f"memory@{base:x}"); prop("device_type", b"memory\0"); prop("reg", reg(base, 0x100000)); end()
    regions = [0x80000000 + i * 0x200000 + 0x80000 for i in range(n)]
else:
    sys.exit(f"unknown mode {mode}")
begin("reserved-memory"); prop("#address-cells", cells(2)); prop("#size-cells", cells(2)); prop("ranges")
for i, base in enumerate(regions):
    begin(f"r{i}@{base:x}"); prop("reg", reg(base, 0x1000)); end()
end(); end()
block.extend(struct.pack(">I", 9))
rsvmap = struct.pack(">QQ", 0, 0)
off_struct = 40 + len(rsvmap); off_strings = off_struct + len(block)
header = struct.pack(">10I", 0xd00dfeed, off_strings + len(strings), off_struct, off_strings, 40, 17, 16, 0,
                     len(strings), len(block))
open(out, "wb").write(header + rsvmap + bytes(block) + bytes(strings))
