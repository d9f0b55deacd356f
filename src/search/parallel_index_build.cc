#include "search/parallel_index_build.h"

#include <xapian.h>

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <optional>
#include <span>
#include <string>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

#include "core/mutex.h"
#include "search/paper_document.h"
#include "search/xapian_error.h"

namespace coolpapers::search {
namespace {

// Papers a writer buffers before flushing them into its part. Small flushes are faster here:
// Xapian's own threshold (10,000) grows its in-memory posting maps until their lookups miss the
// cache: on the real records two writers flushing every 1,000 papers wrote 1,950 papers/s, and
// 870 papers/s flushing every 10,000.
constexpr int64_t kPapersPerFlush = 1000;

// Parts merged in one go (see Finish).
constexpr std::size_t kPartsPerMerge = 8;

// Compacts `parts` into a new database at `output`; throws Xapian::Error.
void MergeInto(std::span<const std::filesystem::path> parts, const std::filesystem::path& output) {
  Xapian::Database all;
  for (const std::filesystem::path& part : parts) all.add_database(Xapian::Database(part.string()));
  // Several passes merge many parts faster (Xapian's advice beyond three), at the price of
  // temporary files beside the output; FULL packs blocks without the FULLER splitting that
  // would slow the updates that follow.
  unsigned flags = Xapian::Compactor::FULL;
  if (parts.size() > 3) flags |= Xapian::DBCOMPACT_MULTIPASS;
  all.compact(output.string(), flags);
}

// Papers as Add received them, with their texts.
struct Batch {
  std::vector<Paper> papers;
  std::vector<store::PaperSearchText> texts;
};

}  // namespace

struct ParallelIndexBuild::Impl {
  std::filesystem::path parts_dir;
  int writers = 1;
  int64_t papers_per_part = kPapersPerPart;

  Mutex mutex;
  std::condition_variable_any changed;  // a batch queued or taken, a part finished, an error
  std::deque<Batch> queue GUARDED_BY(mutex);
  bool closing GUARDED_BY(mutex) = false;                      // no more batches come
  std::optional<Error> error GUARDED_BY(mutex);                // the first writer error
  std::vector<std::filesystem::path> parts GUARDED_BY(mutex);  // finished parts
  int64_t written GUARDED_BY(mutex) = 0;
  std::vector<std::jthread> threads;  // last: they stop (and are joined) before the rest goes

  // The next batch for a writer; nullopt once the build closes with nothing left, or fails.
  std::optional<Batch> Take() {
    MutexLock lock(&mutex);
    changed.wait(mutex, [&] {
      mutex.AssertHeld();
      return !queue.empty() || closing || error;
    });
    if (error || queue.empty()) return std::nullopt;
    Batch batch = std::move(queue.front());
    queue.pop_front();
    changed.notify_all();  // room for Add
    return batch;
  }

  void RecordError(Error failure) {
    MutexLock lock(&mutex);
    if (!error) error = std::move(failure);
    changed.notify_all();
  }

  // One writer: parts named "part-<writer>-<n>", each committed every kPapersPerFlush papers and
  // closed when full, so no part grows large and no writer holds more than one open.
  void Write(int writer) {
    int part_number = 0;
    std::filesystem::path part_path;
    std::optional<Xapian::WritableDatabase> part;
    int64_t in_part = 0;
    Xapian::TermGenerator generator = MakeTermGenerator();
    const auto close_part = [&] {
      part->commit();
      part->close();
      part.reset();
      MutexLock lock(&mutex);
      parts.push_back(part_path);
      written += in_part;
      in_part = 0;
    };
    try {
      while (std::optional<Batch> batch = Take()) {
        const SearchTextsById texts = MapSearchTexts(batch->texts);
        for (const Paper& paper : batch->papers) {
          if (paper.id.empty()) continue;
          if (!part) {
            part_path = parts_dir / ("part-" + std::to_string(writer) + "-" +
                                     std::to_string(++part_number));
            // No fsync: a part lives only until the merge, and a crash loses the whole build
            // anyway (the half-built generation is removed), so waiting for the disk on each of
            // its commits buys nothing.
            part.emplace(part_path.string(), Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_NO_SYNC);
          }
          part->add_document(MakePaperDocument(paper, texts, generator));
          if (++in_part == papers_per_part) {
            close_part();
          } else if (in_part % kPapersPerFlush == 0) {
            part->commit();
          }
        }
      }
      if (part) close_part();
    } catch (const Xapian::Error& error) {
      RecordError(FromXapianError(error, "rebuild the search index"));
    }
  }

  std::optional<Error> FirstError() {
    MutexLock lock(&mutex);
    return error;
  }
};

ParallelIndexBuild::ParallelIndexBuild(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

ParallelIndexBuild::~ParallelIndexBuild() {
  {
    MutexLock lock(&impl_->mutex);
    impl_->closing = true;
    impl_->queue.clear();  // unwritten batches of an abandoned build
  }
  impl_->changed.notify_all();
  impl_->threads.clear();  // joins
  std::error_code ignored;  // a leftover folder is removed when the index is next opened
  std::filesystem::remove_all(impl_->parts_dir, ignored);
}

Result<std::unique_ptr<ParallelIndexBuild>> ParallelIndexBuild::Start(
    const std::filesystem::path& parts_dir, int writers, int64_t papers_per_part) {
  std::error_code ec;
  std::filesystem::remove_all(parts_dir, ec);
  if (!ec) std::filesystem::create_directories(parts_dir, ec);
  if (ec) {
    return Fail(ErrorCode::kUnavailable, "cannot rebuild the search index",
                "create " + parts_dir.string() + ": " + ec.message());
  }
  auto impl = std::make_unique<Impl>();
  impl->parts_dir = parts_dir;
  impl->writers = std::max(1, writers);
  impl->papers_per_part = std::max<int64_t>(1, papers_per_part);
  Impl& shared = *impl;
  for (int writer = 1; writer <= impl->writers; ++writer) {
    impl->threads.emplace_back([&shared, writer] { shared.Write(writer); });
  }
  return std::unique_ptr<ParallelIndexBuild>(new ParallelIndexBuild(std::move(impl)));
}

Result<void> ParallelIndexBuild::Add(std::span<const Paper> papers,
                                     std::span<const store::PaperSearchText> texts) {
  Batch batch{{papers.begin(), papers.end()}, {texts.begin(), texts.end()}};  // copied unlocked
  MutexLock lock(&impl_->mutex);
  impl_->changed.wait(impl_->mutex, [&] {
    impl_->mutex.AssertHeld();
    return impl_->queue.size() < static_cast<std::size_t>(impl_->writers) || impl_->error;
  });
  if (impl_->error) return std::unexpected(*impl_->error);
  impl_->queue.push_back(std::move(batch));
  impl_->changed.notify_all();
  return {};
}

Result<int64_t> ParallelIndexBuild::Finish(const std::filesystem::path& output,
                                           const std::function<void()>& on_merge) {
  {
    MutexLock lock(&impl_->mutex);
    impl_->closing = true;
  }
  impl_->changed.notify_all();
  impl_->threads.clear();  // every batch written, or a writer failed
  if (std::optional<Error> error = impl_->FirstError()) return std::unexpected(*error);
  std::vector<std::filesystem::path> parts;
  int64_t written = 0;
  {
    MutexLock lock(&impl_->mutex);  // the writers have ended; taken to keep the one rule
    parts = std::move(impl_->parts);
    written = impl_->written;
  }
  if (on_merge) on_merge();
  try {
    if (parts.empty()) {
      Xapian::WritableDatabase empty(output.string(), Xapian::DB_CREATE);
      empty.close();
      return 0;
    }
    // Parts are merged a group at a time, each group's parts deleted once merged, before the
    // final merge: the parts take nearly twice the disk of the merged index (at 2.7M papers
    // ~23 GB and ~13 GB), and one merge of them all held both at once, with Xapian's temporary
    // files on top. Merged this way the disk holds the parts plus one group's merge at first,
    // then the compacted groups beside the index.
    int groups = 0;
    while (parts.size() > kPartsPerMerge) {
      std::vector<std::filesystem::path> merged;
      for (std::size_t first = 0; first < parts.size(); first += kPartsPerMerge) {
        const std::size_t count = std::min(kPartsPerMerge, parts.size() - first);
        const std::span<const std::filesystem::path> group(parts.data() + first, count);
        if (count == 1) {
          merged.push_back(group.front());
          continue;
        }
        merged.push_back(impl_->parts_dir / ("merged-" + std::to_string(++groups)));
        MergeInto(group, merged.back());
        for (const std::filesystem::path& part : group) std::filesystem::remove_all(part);
      }
      parts = std::move(merged);
    }
    MergeInto(parts, output);
  } catch (const Xapian::Error& error) {
    return std::unexpected(FromXapianError(error, "merge the rebuilt search index"));
  } catch (const std::filesystem::filesystem_error& error) {
    return Fail(ErrorCode::kUnavailable, "cannot merge the rebuilt search index", error.what());
  }
  return written;
}

}  // namespace coolpapers::search
