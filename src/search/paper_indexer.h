// The single writer of the search index, which is derived from the store: it adds or replaces
// papers (keyed by id, so indexing twice changes nothing) and rebuilds the whole index from a
// paper source into a fresh generation that replaces the live one atomically (index_layout.h).
#ifndef COOLPAPERS_SEARCH_PAPER_INDEXER_H_
#define COOLPAPERS_SEARCH_PAPER_INDEXER_H_

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <stop_token>

#include "core/error.h"
#include "core/paper.h"
#include "core/venue.h"
#include "store/store.h"

namespace coolpapers::search {

// Receives consecutive batches of papers during a rebuild, with the search texts (full text, FAQ
// answers: Store::SearchTexts) of those that have them; returns an error to stop it.
using PaperBatchSink =
    std::function<Result<void>(std::span<const Paper>, std::span<const store::PaperSearchText>)>;
// Delivers every paper to index, in batches of any size, by calling the sink; returns the first
// error of its own or of the sink. Typically a loop over the store.
using PaperSource = std::function<Result<void>(const PaperBatchSink&)>;

class PaperIndexer {
 public:
  // Opens the index in `index_dir` for writing, creating the folder and an empty index when
  // absent, and deleting generations a crashed rebuild left behind. Only one PaperIndexer per
  // folder at a time, across processes: a second one gets kUnavailable (Xapian's write lock).
  // kCorrupt when the folder holds a damaged index.
  [[nodiscard]] static Result<std::unique_ptr<PaperIndexer>> Open(
      const std::filesystem::path& index_dir);

  ~PaperIndexer();
  PaperIndexer(const PaperIndexer&) = delete;
  PaperIndexer& operator=(const PaperIndexer&) = delete;

  // Adds the papers (e.g. a day's new arrivals), replacing any already indexed under the same
  // id, and commits every 1,000 papers and at the end; readers see whole chunks. `texts` gives
  // the full text and FAQ answers of those papers that have them (matched by id; the others are
  // indexed from their metadata). Papers with an empty id are skipped. `indexed_change`, when given, is recorded with the last commit as the
  // store change the index is now complete up to (IndexedChange). Errors: kUnavailable or
  // kCorrupt (Xapian); the failing chunk is rolled back, earlier chunks stay (without the
  // change), so the caller retries the whole batch (replacing by id is safe).
  [[nodiscard]] Result<void> Index(std::span<const Paper> papers,
                                   std::span<const store::PaperSearchText> texts = {},
                                   std::optional<uint64_t> indexed_change = std::nullopt);

  // Builds a new generation from `source` on every core (parallel_index_build.h: parts written
  // at once, then merged), records `indexed_change` (the store's latest change read before the
  // source started, so changes made during the rebuild are caught up afterwards), then makes it
  // the live index and deletes the old one. The source must give each paper once (the store's
  // paging does). `on_merge` is called when the parts start merging, the last and silent
  // minutes of a big rebuild. Returns the number of papers indexed. On any error the live index
  // is untouched and the half-built generation is removed. Papers passed to Index while a
  // rebuild runs wait for it (the writer is busy), so index them after it returns.
  [[nodiscard]] Result<int64_t> Rebuild(const PaperSource& source, uint64_t indexed_change = 0,
                                        const std::function<void()>& on_merge = {});

  // Makes the index's venue papers exactly `papers` (every venue paper of the store: the ones
  // indexed before and not among them, such as an OpenReview id a proceedings id replaced, are
  // deleted), each dated by its edition in `editions` (papers of an edition not given are left
  // out), and records `venue_stamp` (VenueStore::VenueStamp, read before the papers) with the
  // last commit. Commits every 1,000 papers. Errors as Index; the stamp is then not recorded, so
  // the next call does it all again.
  [[nodiscard]] Result<int64_t> ReplaceVenuePapers(std::span<const VenuePaper> papers,
                                                   std::span<const VenueEdition> editions,
                                                   uint64_t venue_stamp);

  // The same for the venue papers changed since the recorded stamp
  // (VenueStore::VenuePapersChangedSince): each is indexed again under the id it is shown by,
  // the documents under its other ids (an OpenReview id a proceedings id replaced) are deleted,
  // and the other venue papers are left as they are. Returns how many papers it indexed.
  [[nodiscard]] Result<int64_t> UpdateVenuePapers(std::span<const VenuePaper> changed,
                                                  std::span<const VenueEdition> editions,
                                                  uint64_t venue_stamp);

  // The venue stamp the index's venue papers reflect (ReplaceVenuePapers); nullopt for an index
  // that has never taken them in (new, rebuilt, or older than venue search).
  [[nodiscard]] Result<std::optional<uint64_t>> IndexedVenueStamp();

  // The store change sequence (store.h, PaperChangesSince) every change up to which the index
  // holds, as last committed; 0 for a new index. kCorrupt when the recorded value is damaged.
  [[nodiscard]] Result<uint64_t> IndexedChange();

  // Builds the index's block bounds again (block_bounds.h), which let a search read only the
  // blocks of documents that can reach its page: always, or with `only_if_stale` only when the
  // papers added or replaced since the last build are over 1% of the index (and it holds at
  // least 20,000 papers; smaller ones are searched as fast without); a rebuilt index has none
  // until then. Takes the writer for as long as it reads the index's common terms: 17 s at
  // 2.7M papers, cut short when `stop` is requested. Returns whether it built them. Errors as
  // Index.
  [[nodiscard]] Result<bool> RefreshBlockBounds(bool only_if_stale, std::stop_token stop = {});

  // How many papers the index holds. Errors as Index.
  [[nodiscard]] Result<int64_t> PaperCount();

  // Whether the live index was made the way this build makes documents (kIndexFormat): true
  // for an index Rebuild wrote or one that Open created empty; false for one an older
  // coolpapers wrote, which only a Rebuild brings up to date. Errors as Index.
  [[nodiscard]] Result<bool> FormatIsCurrent();

  // Thread-safety: every method may be called from any thread; calls are serialised.

 private:
  struct Impl;
  // ReplaceVenuePapers (`whole`: every venue document not in `papers` is stale) and
  // UpdateVenuePapers (the documents under the papers' other ids are).
  [[nodiscard]] Result<int64_t> WriteVenuePapers(std::span<const VenuePaper> papers,
                                                 std::span<const VenueEdition> editions,
                                                 uint64_t venue_stamp, bool whole);
  explicit PaperIndexer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace coolpapers::search

#endif  // COOLPAPERS_SEARCH_PAPER_INDEXER_H_
