// Xapian 1.4 reads its tables with pread(2), one 8 KiB block at a time, and keeps no block
// between two lookups: at 2.7M papers a search of 4 to 10 words reads about 280 blocks, and on
// this machine kind (a virtual machine, where a system call costs 2-3 µs) the system calls and
// the kernel's copies were a third of the search's time (issue 19). Once MapIndexReads() is on,
// every Xapian table opened read-only (the searcher's; never the writer's) is also mapped into
// the process, shared and read-only, and its reads are copied from the mapping instead: the same
// bytes, both being the kernel's page cache, a writer's pwrite(2) included. At 2.7M papers the
// engine's p50 of 2-10 word searches went from 1.45 to 0.9 ms (docs/search.md, "Reading from
// mappings").
//
// How: this file defines open, pread, pwrite and close for the whole process (the executable's
// definitions come first for every shared library: libxapian calls these, SQLite
// open64/pread64, which stay the C library's). They look only at files named *.glass opened
// read-only while it is on; every other call goes on to the C library's, through the index's
// block cache when that is on (index_block_cache.h, which every pwrite keeps true). A read past the
// mapped size (the writer grew the table since it was opened) is a pread(2), as before. A mapped
// table's descriptor must be closed by close(3) (Xapian's are), or its number, reused, would
// still read the table. Glass never shortens a table in place (only `xapian-compact` writes new
// ones), so no read can fall past the end of its file.
//
// The pages read count in the process's resident memory (they are the kernel's cache all the
// same), bounded with the word tiers' (resident_mappings.h): past the bound, every mapping lets its
// pages go, and the next reads fault them in again, which costs more than a pread(2) here. So
// this pays only with a bound that holds what searches keep reading (at 2.7M papers, 300
// distinct searches of 2-10 words touched 370 MB, and a 128 MB bound left them slower than
// pread(2)), and is off unless serve is given one (`--index-map-mb`): serve's memory targets (150
// MB with 40k papers, 300 MB with 2.7M) leave no such room.
#ifndef COOLPAPERS_SEARCH_MAPPED_INDEX_READS_H_
#define COOLPAPERS_SEARCH_MAPPED_INDEX_READS_H_

#include <cstddef>
#include <cstdint>

namespace coolpapers::search {

// Tables opened read-only from now on are read through mappings (off: by pread(2)), of whose
// pages `most_resident` bytes may stay resident (ResidentMappings); tables already open stay as
// they were. Safe from any thread.
void MapIndexReads(bool on, std::size_t most_resident = 0);

struct MappedIndexReads {
  std::int64_t tables_mapped = 0;  // open now (a table several readers opened counts once)
  std::int64_t reads_mapped = 0;   // copied from a mapping, since the process started
  std::int64_t reads_passed = 0;   // of a mapped table, past its mapping: pread(2)
  std::int64_t releases = 0;       // times the touched pages were let go
};
MappedIndexReads CountMappedIndexReads();

}  // namespace coolpapers::search

#endif  // COOLPAPERS_SEARCH_MAPPED_INDEX_READS_H_
