#include "ingest/venue/venue_store_writer.h"

#include <utility>

namespace coolpapers::ingest {

VenueStoreWriter::VenueStoreWriter(store::VenueStore& store, size_t max_pending)
    : store_(store), max_pending_(max_pending > 0 ? max_pending : 1), thread_([this] { Run(); }) {}

VenueStoreWriter::~VenueStoreWriter() {
  if (thread_.joinable()) (void)Finish();
}

Result<void> VenueStoreWriter::WriteEdition(VenueEdition edition) {
  return Enqueue(std::move(edition));
}

Result<void> VenueStoreWriter::WritePapers(std::vector<VenuePaper> papers) {
  if (papers.empty()) return {};
  return Enqueue(std::move(papers));
}

Result<void> VenueStoreWriter::Enqueue(Job job) {
  MutexLock lock(&mutex_);
  changed_.wait(mutex_, [this] {
    mutex_.AssertHeld();
    return queue_.size() < max_pending_ || error_;
  });
  if (error_) return std::unexpected(*error_);
  queue_.push_back(std::move(job));
  changed_.notify_all();
  return {};
}

Result<store::VenueWriteSummary> VenueStoreWriter::Finish() {
  {
    MutexLock lock(&mutex_);
    closing_ = true;
  }
  changed_.notify_all();
  if (thread_.joinable()) thread_.join();
  MutexLock lock(&mutex_);  // the writer thread has ended; the lock keeps the rule visible
  if (error_) return std::unexpected(*error_);
  return summary_;
}

void VenueStoreWriter::Run() {
  for (;;) {
    Job job;
    {
      MutexLock lock(&mutex_);
      changed_.wait(mutex_, [this] {
        mutex_.AssertHeld();
        return !queue_.empty() || closing_;
      });
      if (queue_.empty() || error_) return;
      job = std::move(queue_.front());
    }
    // The job stays counted in the queue while it is written, so at most max_pending_ batches
    // are held in memory besides the one being parsed.
    std::optional<Error> failed;
    store::VenueWriteSummary written;
    if (auto* edition = std::get_if<VenueEdition>(&job)) {
      if (auto result = store_.WriteEdition(*edition); !result) failed = result.error();
    } else {
      auto result = store_.WriteVenuePapers(std::get<std::vector<VenuePaper>>(job));
      if (result) {
        written = *result;
      } else {
        failed = result.error();
      }
    }
    MutexLock lock(&mutex_);
    queue_.pop_front();
    summary_ += written;
    if (failed) error_ = std::move(failed);
    changed_.notify_all();
    if (error_) return;
  }
}

}  // namespace coolpapers::ingest
