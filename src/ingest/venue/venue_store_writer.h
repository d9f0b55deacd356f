// Writes editions and batches of venue papers to a VenueStore on a thread of its own, in the
// order they are given, so that reading and parsing the next batch (most of an import's CPU
// time) overlaps writing this one.
#ifndef COOLPAPERS_INGEST_VENUE_VENUE_STORE_WRITER_H_
#define COOLPAPERS_INGEST_VENUE_VENUE_STORE_WRITER_H_

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>
#include <variant>
#include <vector>

#include "core/error.h"
#include "core/mutex.h"
#include "core/venue.h"
#include "store/venue_store.h"

namespace coolpapers::ingest {

// One producer thread calls Write*() and Finish(); the writer thread is the only one that
// touches the store until Finish() returns. `store` must outlive the writer.
class VenueStoreWriter {
 public:
  // At most `max_pending` writes wait in the queue: Write*() blocks beyond that, which bounds
  // memory.
  explicit VenueStoreWriter(store::VenueStore& store, size_t max_pending = 2);
  VenueStoreWriter(const VenueStoreWriter&) = delete;
  VenueStoreWriter& operator=(const VenueStoreWriter&) = delete;
  ~VenueStoreWriter();  // Finish()es if not done

  // Queue a write. Returns the error of an earlier write that failed (nothing is queued then,
  // and nothing more will be written).
  [[nodiscard]] Result<void> WriteEdition(VenueEdition edition);
  [[nodiscard]] Result<void> WritePapers(std::vector<VenuePaper> papers);

  // Waits until every queued write is done; returns what the paper writes did, or the first
  // error. Call once.
  [[nodiscard]] Result<store::VenueWriteSummary> Finish();

 private:
  using Job = std::variant<VenueEdition, std::vector<VenuePaper>>;
  [[nodiscard]] Result<void> Enqueue(Job job);
  void Run();

  store::VenueStore& store_;
  const size_t max_pending_;
  Mutex mutex_;
  std::condition_variable_any changed_;
  std::deque<Job> queue_ GUARDED_BY(mutex_);
  bool closing_ GUARDED_BY(mutex_) = false;
  std::optional<Error> error_ GUARDED_BY(mutex_);
  store::VenueWriteSummary summary_ GUARDED_BY(mutex_);
  std::thread thread_;                   // last: started once the rest is ready
};

}  // namespace coolpapers::ingest

#endif  // COOLPAPERS_INGEST_VENUE_VENUE_STORE_WRITER_H_
