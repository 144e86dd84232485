#!/usr/bin/env python3
"""Write a synthetic DTB with N reserved-memory regions for benchmarks: two thirds static
(4 KiB every 16 KiB, every fifth no-map), one third dynamic up to 64 (Linux 6.12 skips the
rest), each with an alloc-ranges window of its own. The blob is written directly, because
dtc's parser runs out of stack on ten thousand sibling nodes.
Usage: gen-regions.py N OUT.dtb"""
import struct, sys

n, out = int(sys.argv[1]), sys.argv[2]
strings, offsets = bytearray(), {}
def name_offset(name):
    if name not in offsets:
        offsets[name] = len(strings); strings.extend(name.encode() + b"\0")
    return offsets[name]

struct_block = bytearray()
def cells(*values): return b"".join(struct.pack(">I", v) for v in values)
def pad(): struct_block.extend(b"\0" * (-len(struct_block) % 4))
def begin(name): struct_block.extend(struct.pack(">I", 1) + name.encode() + b"\0"); pad()
def end(): struct_block.extend(struct.pack(">I", 2))
def prop(name, value=b""):
    struct_block.extend(struct.pack(">III", 3, len(value), name_offset(name)) + value); pad()
def reg(base, size): return cells(base >> 32, base & 0xffffffff, size >> 32, size & 0xffffffff)

begin("")
prop("#address-cells", cells(2)); prop("#size-cells", cells(2))
begin("memory@80000000"); prop("device_type", b"memory\0"); prop("reg", reg(0x80000000, 0x400000000)); end()
begin("reserved-memory"); prop("#address-cells", cells(2)); prop("#size-cells", cells(2)); prop("ranges")
dynamic = 0
for i in range(n):
    if i % 3 == 2 and dynamic < 64:
        dynamic += 1
        begin(f"dyn{i}"); prop("size", cells(0, 0x1000)); prop("alloc-ranges", reg(0x400000000 + i * 0x10000, 0x10000)); end()
    else:
        base = 0x80000000 + i * 0x4000
        begin(f"r{i}@{base:x}"); prop("reg", reg(base, 0x1000))
        if i % 5 == 0: prop("no-map")
        end()
end(); end()
struct_block.extend(struct.pack(">I", 9))
rsvmap = struct.pack(">QQ", 0, 0)
header_size = 40
off_rsv = header_size; off_struct = off_rsv + len(rsvmap); off_strings = off_struct + len(struct_block)
total = off_strings + len(strings)
header = struct.pack(">10I", 0xd00dfeed, total, off_struct, off_strings, off_rsv, 17, 16, 0, len(strings), len(struct_block))
open(out, "wb").write(header + rsvmap + bytes(struct_block) + bytes(strings))
