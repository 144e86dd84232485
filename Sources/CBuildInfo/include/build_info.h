#ifndef MEMMAP_BUILD_INFO_H
#define MEMMAP_BUILD_INFO_H

/* The commit memmap was built from ("" when the build was not given one). The value comes
   from a C define set by Package.swift, because Swift's own -D flags carry no values. */
const char *memmap_build_commit(void);

#endif
