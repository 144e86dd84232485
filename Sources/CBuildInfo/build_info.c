#include "build_info.h"

#ifndef MEMMAP_COMMIT
#define MEMMAP_COMMIT ""
#endif

const char *memmap_build_commit(void) { return MEMMAP_COMMIT; }
