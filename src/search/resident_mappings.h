// The files searches read through mappings (the word tiers, and the index's tables when
// mapped_index_reads.h is on), and how much of them may stay in the process's resident memory.
// A mapped page a search touched stays in the process's page tables, so it counts in its
// resident memory (though it is the kernel's page cache all the same); serve's memory targets
// (issue 19: 150 MB with 40k papers, 300 MB with 2.7M) bound them. Past the bound since the last
// release, every mapping lets its pages go at once (MADV_DONTNEED, on a thread of its own: a few
// milliseconds for 48 MB here): /proc/self/statm tells only all files' pages together, so one
// bound covers them all, the sum of what each user of a mapping allowed. The next reads fault the
// pages in again, which costs more than reading them did on this machine kind (at 2.7M papers
// with the index mapped and a release every 25 searches, a 2-10 word search's p50 was 2.2 ms
// against 1.45 read by pread(2) and 0.9 never released): a bound is worth it only when it holds
// what searches keep reading. Safe from any thread.
#ifndef COOLPAPERS_SEARCH_RESIDENT_MAPPINGS_H_
#define COOLPAPERS_SEARCH_RESIDENT_MAPPINGS_H_

#include <cstddef>
#include <cstdint>
#include <map>

#include "core/mutex.h"

namespace coolpapers::search {

class ResidentMappings {
 public:
  // The process's (never destroyed: mappings may go at exit).
  static ResidentMappings& Process();

  // `size` bytes mapped at `data` (nullptr and 0 for a bound alone), whose pages are let go with
  // the others; `most_resident` more bytes may stay resident while it is added. An id for Remove.
  std::uint64_t Add(const void* data, std::size_t size, std::size_t most_resident);
  // Before unmapping what was added (waits for a release under way).
  void Remove(std::uint64_t id);
  // Lets every mapping's pages go, on a thread of its own, when the files' resident pages grew
  // past the bound since the last release. A few system calls: call it every few searches.
  void Look();

  std::int64_t releases() const;
  // The bytes that may stay resident: the sum of what Add was given.
  std::size_t most_resident() const;

  ResidentMappings(const ResidentMappings&) = delete;
  ResidentMappings& operator=(const ResidentMappings&) = delete;

 private:
  ResidentMappings();
  void Release();

  struct Mapping {
    const void* data;
    std::size_t size;
    std::size_t most_resident;
  };
  mutable Mutex mutex_;
  std::map<std::uint64_t, Mapping> mappings_ GUARDED_BY(mutex_);
  std::uint64_t next_id_ GUARDED_BY(mutex_) = 1;
  std::size_t most_resident_ GUARDED_BY(mutex_) = 0;
  std::uint64_t resident_at_release_ GUARDED_BY(mutex_) = 0;
  bool releasing_ GUARDED_BY(mutex_) = false;
  std::int64_t releases_ GUARDED_BY(mutex_) = 0;
};

}  // namespace coolpapers::search

#endif  // COOLPAPERS_SEARCH_RESIDENT_MAPPINGS_H_
