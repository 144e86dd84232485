#ifndef MEMMAP_CLIBFDT_SHIM_H
#define MEMMAP_CLIBFDT_SHIM_H

#include <libfdt.h>

/* The header accessors are macros in libfdt.h; Swift cannot call macros. */
static inline uint32_t memmap_fdt_magic(const void *fdt) { return fdt_magic(fdt); }
static inline uint32_t memmap_fdt_totalsize(const void *fdt) { return fdt_totalsize(fdt); }
static inline uint32_t memmap_fdt_version(const void *fdt) { return fdt_version(fdt); }

#endif
