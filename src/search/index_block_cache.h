// A bounded cache of the index's blocks in the process's own memory, between Xapian and its
// pread(2)s. Xapian 1.4 keeps no block between two lookups: at 2.7M papers a search of 2-10
// words reads about 330 blocks of 8 KiB, each a system call that costs 2-3 µs on this machine
// kind (issue 19; mapped_index_reads.h). Many are the same blocks search after search (the
// B-trees' upper levels, the commonest words' lists): replaying 1,000 distinct searches' reads,
// a cache of 32 MiB would have answered 52% of them, 64 MiB 61%, 96 MiB 65%. Unlike a mapping
// of the tables, whose touched pages stay resident until all are let go at once (and fault in
// again, which costs more than the read here), the cache holds at most its bound, evicting the
// blocks least recently asked for (CLOCK), so serve's memory stays within issue 19's 300 MB.
//
// Only the reads of tables opened read-only (the searchers') go through it, and only whole
// blocks of kBlockBytes at a block's offset; everything else goes to the file. A block is
// forgotten when this process writes it (the writer's pwrite(2), seen by mapped_index_reads.cc's
// hook, after the write), and a read under way when a write comes is not kept, so a reader sees
// a block as the file has it after every write this process made. A write by another process is
// not seen: turn the cache on only in a process that is the index's one writer (serve, which
// holds Xapian's write lock for its life) or where nobody writes it (a benchmark of a kept
// index). Glass writes its tables' blocks with pwrite(2) only.
#ifndef COOLPAPERS_SEARCH_INDEX_BLOCK_CACHE_H_
#define COOLPAPERS_SEARCH_INDEX_BLOCK_CACHE_H_

#include <sys/types.h>

#include <cstddef>
#include <cstdint>
#include <memory>

namespace coolpapers::search {

// Glass's block size, which our indexes keep (Xapian's default).
inline constexpr std::size_t kBlockBytes = 8192;

struct IndexBlockCacheCounts {
  std::int64_t hits = 0;       // reads answered from the cache
  std::int64_t misses = 0;     // block reads from the file (then kept, if no write came)
  std::int64_t passed = 0;     // reads of other sizes or offsets, from the file
  std::int64_t forgotten = 0;  // blocks dropped because this process wrote them
  std::int64_t blocks = 0;     // held now
  std::size_t most_bytes = 0;  // the bound (0: off)
};

using PreadFunction = ssize_t(int, void*, std::size_t, off_t);

class IndexBlockCache {
 public:
  // Holds at most `most_bytes` of blocks (rounded down to whole blocks; memory is taken as
  // blocks are kept). Reads the files with `read` (the C library's pread).
  IndexBlockCache(std::size_t most_bytes, PreadFunction* read);
  ~IndexBlockCache();
  IndexBlockCache(const IndexBlockCache&) = delete;
  IndexBlockCache& operator=(const IndexBlockCache&) = delete;

  // A table opened read-only on `descriptor`: its reads go through the cache from now on,
  // shared with every other descriptor on the same file.
  void Opened(int descriptor);
  // Before the descriptor is closed; a file's blocks go with its last descriptor (its inode
  // number may name another file later).
  void Closed(int descriptor);
  // pread(2), through the cache for a descriptor Opened.
  ssize_t Read(int descriptor, void* buffer, std::size_t count, off_t offset);
  // After this process wrote `count` bytes at `offset` on `descriptor` (any descriptor on the
  // file, read-only ones' or not): those blocks are read from the file again.
  void Written(int descriptor, off_t offset, std::size_t count);

  IndexBlockCacheCounts Counts() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The process's: tables opened read-only from now on are read through a cache of `most_bytes`,
// which this process's writes keep true (see above for when that is enough). Once per process;
// later calls change nothing. Safe from any thread.
void CacheIndexBlocks(std::size_t most_bytes);
// The process's cache, or nullptr while it is off (for the hooks in mapped_index_reads.cc).
IndexBlockCache* ProcessIndexBlockCache();
IndexBlockCacheCounts CountIndexBlockCache();

}  // namespace coolpapers::search

#endif  // COOLPAPERS_SEARCH_INDEX_BLOCK_CACHE_H_
