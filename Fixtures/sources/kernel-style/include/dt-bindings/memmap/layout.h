/* Sizes and a two-cell helper, written the way kernel dt-bindings headers are. */
#ifndef DT_BINDINGS_MEMMAP_LAYOUT_H
#define DT_BINDINGS_MEMMAP_LAYOUT_H

#define DRAM_BASE	0x80000000
#define SZ_512K		0x80000
#define SZ_1M		0x100000
#define SZ_1G		0x40000000

/* A 64-bit base and size for #address-cells = #size-cells = 2. */
#define REGION(base, size)	0x0 (base) 0x0 (size)

#endif
