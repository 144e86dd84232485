#!/usr/bin/env python3
"""Writes large device tree blobs for memmap's stress and benchmark runs.

    scripts/gen-large.py OUT.dtb [--regions N] [--dynamic N] [--memreserve N] [--pad-mib M]

The tree has the usual 2/2 cells, RAM from 0x80000000 large enough for every region, and
/reserved-memory with N children: static `reg` regions of 64 KiB every 128 KiB (every tenth
no-map, every hundredth overlapping its neighbour), then the dynamic ones (`size` with
`alloc-ranges`, every fifth a reusable shared-dma-pool). `--memreserve` adds entries to the
memory reservation block; `--pad-mib` adds a `/firmware/image` property of that many MiB (a
firmware blob embedded in the tree) so that the file reaches a given size.

The blob is written directly (FDT version 17), because dtc is slow on trees this large.
"""
import argparse
import struct

FDT_BEGIN_NODE, FDT_END_NODE, FDT_PROP, FDT_END = 1, 2, 3, 9


class Writer:
    def __init__(self):
        self.struct = bytearray()
        self.strings = bytearray()
        self.offsets = {}

    def _pad(self):
        self.struct += b"\0" * (-len(self.struct) % 4)

    def begin(self, name):
        self.struct += struct.pack(">I", FDT_BEGIN_NODE) + name.encode() + b"\0"
        self._pad()

    def end(self):
        self.struct += struct.pack(">I", FDT_END_NODE)

    def prop(self, name, value=b""):
        if name not in self.offsets:
            self.offsets[name] = len(self.strings)
            self.strings += name.encode() + b"\0"
        self.struct += struct.pack(">III", FDT_PROP, len(value), self.offsets[name]) + value
        self._pad()

    def blob(self, reservations):
        self.struct += struct.pack(">I", FDT_END)
        rsv = b"".join(struct.pack(">QQ", a, s) for a, s in reservations) + struct.pack(">QQ", 0, 0)
        off_rsv = 40
        off_struct = off_rsv + len(rsv)
        off_strings = off_struct + len(self.struct)
        total = off_strings + len(self.strings)
        header = struct.pack(">10I", 0xD00DFEED, total, off_struct, off_strings, off_rsv, 17, 16, 0,
                             len(self.strings), len(self.struct))
        return header + rsv + bytes(self.struct) + bytes(self.strings)


def cells(*values):
    return b"".join(struct.pack(">I", v) for v in values)


def pairs(*values):
    return b"".join(struct.pack(">Q", v) for v in values)


def generate(regions, dynamic, memreserve, pad_mib):
    base = 0x8000_0000
    static = max(regions - dynamic, 0)
    ram = max(static * 0x2_0000 + dynamic * 0x10_0000 + 0x4000_0000, 0x8000_0000)
    w = Writer()
    w.begin("")
    w.prop("#address-cells", cells(2))
    w.prop("#size-cells", cells(2))
    w.prop("compatible", b"memmap,large\0")
    w.begin("memory@%x" % base)
    w.prop("device_type", b"memory\0")
    w.prop("reg", pairs(base, ram))
    w.end()
    w.begin("reserved-memory")
    w.prop("#address-cells", cells(2))
    w.prop("#size-cells", cells(2))
    w.prop("ranges")
    for i in range(static):
        address = base + i * 0x2_0000
        size = 0x3_0000 if i % 100 == 99 else 0x1_0000
        w.begin("r%d@%x" % (i, address))
        w.prop("reg", pairs(address, size))
        if i % 10 == 0:
            w.prop("no-map")
        w.end()
    top = base + static * 0x2_0000
    for i in range(dynamic):
        w.begin("dyn%d" % i)
        if i % 5 == 0:
            w.prop("compatible", b"shared-dma-pool\0")
            w.prop("reusable")
        w.prop("size", pairs(0x1_0000))
        w.prop("alloc-ranges", pairs(top, ram - (top - base)))
        w.end()
    w.end()
    if pad_mib:
        w.begin("firmware")
        w.prop("image", bytes(pad_mib << 20))
        w.end()
    w.end()
    reservations = [(base + ram - 0x1000 * (i + 1), 0x800) for i in range(memreserve)]
    return w.blob(reservations)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("--regions", type=int, default=100_000)
    parser.add_argument("--dynamic", type=int, default=100)
    parser.add_argument("--memreserve", type=int, default=1000)
    parser.add_argument("--pad-mib", type=int, default=0)
    args = parser.parse_args()
    blob = generate(args.regions, args.dynamic, args.memreserve, args.pad_mib)
    with open(args.out, "wb") as f:
        f.write(blob)
    print("%s: %d bytes, %d regions, %d memreserve" % (args.out, len(blob), args.regions, args.memreserve))


if __name__ == "__main__":
    main()
