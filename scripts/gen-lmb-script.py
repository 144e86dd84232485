#!/usr/bin/env python3
"""Write a `memmap lmb` script of N operations for benchmarks: 4 GiB of RAM, then a seeded mix
of fixed reservations, allocations and frees.  Usage: gen-lmb-script.py N OUT.lmb"""
import random, sys

n, out = int(sys.argv[1]), sys.argv[2]
rng = random.Random(42)
lines = ["add 0x80000000 0x100000000"]
for i in range(n - 1):
    pick = rng.random()
    base = 0x80000000 + rng.randrange(0, 0x100000) * 0x1000
    if pick < 0.5:
        lines.append(f"reserve 0x{base:x} 0x1000 {rng.choice(['none', 'no-overwrite', 'no-map'])}")
    elif pick < 0.8:
        lines.append(f"alloc 0x{rng.choice([0x1000, 0x2000, 0x10000]):x} 0x1000")
    else:
        lines.append(f"free 0x{base:x} 0x1000")
open(out, "w").write("\n".join(lines) + "\n")
