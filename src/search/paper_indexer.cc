#include "search/paper_indexer.h"

#include <xapian.h>

#include <algorithm>
#include <charconv>
#include <functional>
#include <future>
#include <optional>
#include <unordered_map>
#include <unordered_set>
#include <thread>
#include <vector>
#include <string>
#include <system_error>
#include <utility>

#include "core/mutex.h"
#include "search/block_bounds_record.h"
#include "search/index_layout.h"
#include "search/paper_document.h"
#include "search/parallel_index_build.h"
#include "search/term_prefixes.h"
#include "search/venue_document.h"
#include "search/xapian_error.h"

namespace coolpapers::search {
namespace {

// Papers per commit of an update (Index). Each commit merges the chunk's postings into the
// B-trees at a cost that grows with the distinct terms touched rather than the papers, so
// bigger chunks amortise it, while readers see an update only in whole chunks. Two chunks are
// in memory at once (one written, the next made), which is most of serve's memory while it
// catches up (issue #19 target 6): 1,000 papers a commit peaked at 147 MB catching up the 40k
// sample and 185 MB in the first 90 s of the 2.7M store's (130,000 papers indexed); 500, at
// 95 MB and 114 MB (125,000 papers: 4% fewer); 250 at 74 and 79 MB (105,000: 19% fewer).
constexpr std::size_t kPapersPerCommit = 500;

// The metadata key under which the index records the store change sequence it holds every
// change up to (Store::PaperChangesSince), committed together with the documents.
constexpr std::string_view kIndexedChangeKey = "coolpapers.indexed_change";

// The metadata key under which the index records the venue stamp its venue papers reflect
// (ReplaceVenuePapers). A rebuilt generation lacks it, so its venue papers are added again.
constexpr std::string_view kVenueStampKey = "coolpapers.venue_stamp";

// The metadata key under which an index records its format (kIndexFormat).
constexpr std::string_view kFormatKey = "coolpapers.format";

// Makes the documents of `papers` on up to kPreparingThreads threads, each with its own term
// generator (a TermGenerator is not thread-safe); the term generation is about half of the
// indexing time, and the database can only be written from one thread. Papers with an empty
// id get an empty document, which WritePapers skips.
constexpr std::size_t kPreparingThreads = 2;
constexpr std::size_t kMinPapersPerThread = 200;  // fewer are not worth a thread

std::vector<Xapian::Document> MakeDocuments(std::span<const Paper> papers,
                                            const SearchTextsById& texts) {
  std::vector<Xapian::Document> documents(papers.size());
  const auto make_range = [&](std::size_t begin, std::size_t end) {
    Xapian::TermGenerator generator = MakeTermGenerator();
    for (std::size_t i = begin; i < end; ++i) {
      if (!papers[i].id.empty()) documents[i] = MakePaperDocument(papers[i], texts, generator);
    }
  };
  const std::size_t threads =
      std::clamp<std::size_t>(papers.size() / kMinPapersPerThread, 1, kPreparingThreads);
  std::vector<std::jthread> workers;
  const std::size_t per_thread = (papers.size() + threads - 1) / threads;
  for (std::size_t t = 1; t < threads; ++t) {
    workers.emplace_back(make_range, std::min(papers.size(), t * per_thread),
                         std::min(papers.size(), (t + 1) * per_thread));
  }
  make_range(0, std::min(papers.size(), per_thread));
  return documents;  // the jthreads join first: they are destroyed before the return value
}

// Adds the document, or replaces the one indexed under the same id term. Checking with
// term_exists first matters for speed: Glass's replace_document(term) opens the term's posting
// list, which first flushes every buffered position list to disk, so a batch of new papers
// would flush once per paper (indexing slowed down as the batch grew).
// A replaced document keeps its id, and its block's bounds are noted as no longer bounding it.
void AddOrReplace(Xapian::WritableDatabase& database, const std::string& id_term,
                  const Xapian::Document& document, BlockBoundsRecord& bounds) {
  if (!database.term_exists(id_term)) {
    database.add_document(document);
  } else {
    const Xapian::docid docid = *database.postlist_begin(id_term);
    database.replace_document(docid, document);
    NoteReplaced(bounds, docid);
  }
}

// Replaces-or-adds each paper, committing every kPapersPerCommit papers and at the end; readers
// see whole chunks. `indexed_change`, when given, is committed with the last chunk. A failure
// leaves earlier chunks committed, which is harmless because indexing the batch again replaces
// them by id. The next chunk's documents are made while this one is written.
void WritePapers(Xapian::WritableDatabase& database, std::span<const Paper> papers,
                 const SearchTextsById& texts, std::optional<uint64_t> indexed_change,
                 BlockBoundsRecord& bounds) {
  const auto chunk_at = [&](std::size_t start) {
    return papers.subspan(start, std::min(kPapersPerCommit, papers.size() - start));
  };
  std::future<std::vector<Xapian::Document>> next;
  if (!papers.empty()) {
    next = std::async(std::launch::async, MakeDocuments, chunk_at(0), std::cref(texts));
  }
  for (std::size_t start = 0; start < papers.size(); start += kPapersPerCommit) {
    const std::span<const Paper> chunk = chunk_at(start);
    const std::vector<Xapian::Document> documents = next.get();
    if (start + kPapersPerCommit < papers.size()) {
      next = std::async(std::launch::async, MakeDocuments, chunk_at(start + kPapersPerCommit),
                        std::cref(texts));
    }
    database.begin_transaction();
    try {
      for (std::size_t i = 0; i < chunk.size(); ++i) {
        if (chunk[i].id.empty()) continue;
        AddOrReplace(database, std::string(kIdPrefix) + chunk[i].id, documents[i], bounds);
      }
      SaveReplaced(database, bounds);
      if (indexed_change && start + kPapersPerCommit >= papers.size()) {
        database.set_metadata(std::string(kIndexedChangeKey), std::to_string(*indexed_change));
      }
      database.commit_transaction();
    } catch (const Xapian::Error&) {
      database.cancel_transaction();
      if (next.valid()) next.wait();  // its papers outlive it only until we return
      throw;  // The caller converts it; this frame only undoes the half-written chunk.
    }
  }
  if (papers.empty() && indexed_change) {
    database.set_metadata(std::string(kIndexedChangeKey), std::to_string(*indexed_change));
    database.commit();
  }
}

// Writers of a rebuild: one per core, as many as four (the reading of the store, the term
// generation and the writing then share the cores).
int RebuildWriters() {
  return static_cast<int>(std::clamp(std::thread::hardware_concurrency(), 1U, 4U));
}

// Writes generation `generation` from `source` with a ParallelIndexBuild; its parts live beside
// it only while it is built.
Result<int64_t> BuildGeneration(const std::filesystem::path& index_dir, int generation,
                                const PaperSource& source, const std::function<void()>& on_merge) {
  auto build = ParallelIndexBuild::Start(PartsPath(index_dir, generation), RebuildWriters());
  if (!build) return std::unexpected(build.error());
  const PaperBatchSink sink = [&](std::span<const Paper> papers,
                                  std::span<const store::PaperSearchText> texts) {
    return (*build)->Add(papers, texts);
  };
  if (Result<void> read = source(sink); !read) {
    return std::unexpected(read.error());
  }
  return (*build)->Finish(GenerationPath(index_dir, generation), on_merge);
}

}  // namespace

struct PaperIndexer::Impl {
  std::filesystem::path index_dir;
  Mutex mutex;
  int generation GUARDED_BY(mutex) = 0;
  Xapian::WritableDatabase database GUARDED_BY(mutex);
  BlockBoundsRecord bounds GUARDED_BY(mutex);  // as committed, plus what the writing noted
};

PaperIndexer::PaperIndexer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
PaperIndexer::~PaperIndexer() = default;

Result<std::unique_ptr<PaperIndexer>> PaperIndexer::Open(const std::filesystem::path& index_dir) {
  std::error_code ec;
  std::filesystem::create_directories(index_dir, ec);
  if (ec) {
    return Fail(ErrorCode::kUnavailable, "cannot create the search index folder",
                index_dir.string() + ": " + ec.message());
  }
  Result<int> generation = ReadCurrentGeneration(index_dir);
  if (!generation) return std::unexpected(generation.error());
  auto impl = std::make_unique<Impl>();
  impl->index_dir = index_dir;
  MutexLock lock(&impl->mutex);  // nobody else sees impl yet; taken to keep the one rule
  impl->generation = *generation == 0 ? 1 : *generation;
  try {
    // Taking the write lock first makes a second writer fail before it touches anything.
    impl->database = Xapian::WritableDatabase(GenerationPath(index_dir, impl->generation).string(),
                                              Xapian::DB_CREATE_OR_OPEN);
    // A new, empty index is in this build's format from the start.
    if (impl->database.get_doccount() == 0 &&
        impl->database.get_metadata(std::string(kFormatKey)).empty()) {
      impl->database.set_metadata(std::string(kFormatKey), std::to_string(kIndexFormat));
      impl->database.commit();
    }
    impl->bounds = ReadBlockBoundsRecord(impl->database);
  } catch (const Xapian::Error& error) {
    return std::unexpected(FromXapianError(error, "open the search index for writing"));
  }
  if (*generation == 0) {
    if (Result<void> written = WriteCurrentGeneration(index_dir, impl->generation); !written) {
      return std::unexpected(written.error());
    }
  }
  if (Result<void> removed = RemoveOtherGenerations(index_dir, impl->generation); !removed) {
    return std::unexpected(removed.error());
  }
  return std::unique_ptr<PaperIndexer>(new PaperIndexer(std::move(impl)));
}

Result<void> PaperIndexer::Index(std::span<const Paper> papers,
                                 std::span<const store::PaperSearchText> texts,
                                 std::optional<uint64_t> indexed_change) {
  const SearchTextsById texts_by_id = MapSearchTexts(texts);
  MutexLock lock(&impl_->mutex);
  try {
    WritePapers(impl_->database, papers, texts_by_id, indexed_change, impl_->bounds);
  } catch (const Xapian::Error& error) {
    return std::unexpected(FromXapianError(error, "index papers"));
  }
  return {};
}

Result<int64_t> PaperIndexer::Rebuild(const PaperSource& source, uint64_t indexed_change,
                                      const std::function<void()>& on_merge) {
  MutexLock lock(&impl_->mutex);
  const int next_generation = impl_->generation + 1;
  const std::filesystem::path next_path = GenerationPath(impl_->index_dir, next_generation);
  Result<int64_t> indexed = BuildGeneration(impl_->index_dir, next_generation, source, on_merge);
  Xapian::WritableDatabase next;
  if (indexed) {
    try {
      next = Xapian::WritableDatabase(next_path.string(), Xapian::DB_OPEN);
      next.set_metadata(std::string(kIndexedChangeKey), std::to_string(indexed_change));
      next.set_metadata(std::string(kFormatKey), std::to_string(kIndexFormat));
      next.commit();
    } catch (const Xapian::Error& error) {
      indexed = std::unexpected(FromXapianError(error, "rebuild the search index"));
    }
  }
  if (indexed) {
    if (Result<void> live = WriteCurrentGeneration(impl_->index_dir, next_generation); !live) {
      indexed = std::unexpected(live.error());
    }
  }
  if (!indexed) {
    try {
      next.close();
    } catch (const Xapian::Error& error) {
      indexed.error().detail += "; then closing it: " + FromXapianError(error, "close").detail;
    }
    std::error_code ignored;  // Open() removes a leftover generation folder anyway.
    std::filesystem::remove_all(next_path, ignored);
    return indexed;
  }
  impl_->database = std::move(next);
  impl_->generation = next_generation;
  try {
    impl_->bounds = ReadBlockBoundsRecord(impl_->database);
  } catch (const Xapian::Error& error) {
    return std::unexpected(FromXapianError(error, "read the rebuilt index's block bounds"));
  }
  if (Result<void> removed = RemoveOtherGenerations(impl_->index_dir, next_generation); !removed) {
    return std::unexpected(removed.error());
  }
  return indexed;
}

Result<int64_t> PaperIndexer::ReplaceVenuePapers(std::span<const VenuePaper> papers,
                                                 std::span<const VenueEdition> editions,
                                                 uint64_t venue_stamp) {
  return WriteVenuePapers(papers, editions, venue_stamp, /*whole=*/true);
}

Result<int64_t> PaperIndexer::UpdateVenuePapers(std::span<const VenuePaper> changed,
                                                std::span<const VenueEdition> editions,
                                                uint64_t venue_stamp) {
  return WriteVenuePapers(changed, editions, venue_stamp, /*whole=*/false);
}

Result<int64_t> PaperIndexer::WriteVenuePapers(std::span<const VenuePaper> papers,
                                               std::span<const VenueEdition> editions,
                                               uint64_t venue_stamp, bool whole) {
  std::unordered_map<std::string, const VenueEdition*> edition_of_tag;
  for (const VenueEdition& edition : editions) edition_of_tag.emplace(edition.Tag(), &edition);
  const std::string branch_term = std::string(kBranchPrefix) + std::string(kVenueBranch);
  MutexLock lock(&impl_->mutex);
  Xapian::WritableDatabase& database = impl_->database;
  int64_t indexed = 0;
  try {
    std::unordered_set<std::string> stale;
    if (whole) {
      for (auto it = database.postlist_begin(branch_term);
           it != database.postlist_end(branch_term); ++it) {
        stale.insert(database.get_document(*it).get_data());
      }
    } else {
      for (const VenuePaper& paper : papers) {
        for (const VenuePaperId& other : paper.other_ids) stale.insert(other.ToString());
      }
    }
    Xapian::TermGenerator generator = MakeTermGenerator();
    std::size_t in_chunk = 0;
    database.begin_transaction();
    for (const VenuePaper& paper : papers) {
      const auto edition = edition_of_tag.find(paper.edition);
      if (edition == edition_of_tag.end()) continue;
      const Xapian::Document document = MakeVenueDocument(paper, *edition->second, generator);
      AddOrReplace(database, std::string(kIdPrefix) + document.get_data(), document,
                   impl_->bounds);
      stale.erase(document.get_data());
      ++indexed;
      if (++in_chunk == kPapersPerCommit) {
        SaveReplaced(database, impl_->bounds);
        database.commit_transaction();
        database.begin_transaction();
        in_chunk = 0;
      }
    }
    for (const std::string& id : stale) {
      // A deleted document's postings stay in the block bounds and word tiers until they are
      // built again: noted as replaced, searches neither count it nor let it raise their floor.
      const std::string id_term = std::string(kIdPrefix) + id;
      for (auto it = database.postlist_begin(id_term); it != database.postlist_end(id_term); ++it) {
        NoteReplaced(impl_->bounds, *it);
      }
      database.delete_document(id_term);
    }
    database.set_metadata(std::string(kVenueStampKey), std::to_string(venue_stamp));
    SaveReplaced(database, impl_->bounds);
    database.commit_transaction();
  } catch (const Xapian::Error& error) {
    try {
      database.cancel_transaction();
    } catch (const Xapian::Error&) {
      // Not in a transaction (it failed before one began): nothing to undo.
    }
    return std::unexpected(FromXapianError(error, "index venue papers"));
  }
  return indexed;
}

Result<std::optional<uint64_t>> PaperIndexer::IndexedVenueStamp() {
  MutexLock lock(&impl_->mutex);
  std::string value;
  try {
    value = impl_->database.get_metadata(std::string(kVenueStampKey));
  } catch (const Xapian::Error& error) {
    return std::unexpected(FromXapianError(error, "read the indexed venue stamp"));
  }
  if (value.empty()) return std::nullopt;
  uint64_t stamp = 0;
  const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), stamp);
  if (ec != std::errc() || end != value.data() + value.size()) {
    return Fail(ErrorCode::kCorrupt, "the search index is damaged; rebuild it",
                "metadata " + std::string(kVenueStampKey) + " = \"" + value + "\"");
  }
  return stamp;
}

Result<uint64_t> PaperIndexer::IndexedChange() {
  MutexLock lock(&impl_->mutex);
  std::string value;
  try {
    value = impl_->database.get_metadata(std::string(kIndexedChangeKey));
  } catch (const Xapian::Error& error) {
    return std::unexpected(FromXapianError(error, "read the indexed change"));
  }
  if (value.empty()) return 0;  // an index that never recorded one
  uint64_t change = 0;
  const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), change);
  if (ec != std::errc() || end != value.data() + value.size()) {
    return Fail(ErrorCode::kCorrupt, "the search index is damaged; rebuild it",
                "metadata " + std::string(kIndexedChangeKey) + " = \"" + value + "\"");
  }
  return change;
}

Result<bool> PaperIndexer::FormatIsCurrent() {
  MutexLock lock(&impl_->mutex);
  try {
    return impl_->database.get_metadata(std::string(kFormatKey)) == std::to_string(kIndexFormat);
  } catch (const Xapian::Error& error) {
    return std::unexpected(FromXapianError(error, "read the search index's format"));
  }
}

Result<bool> PaperIndexer::RefreshBlockBounds(bool only_if_stale, std::stop_token stop) {
  MutexLock lock(&impl_->mutex);
  try {
    if (only_if_stale && !BlockBoundsAreStale(impl_->database, impl_->bounds)) return false;
    const std::filesystem::path database_dir = GenerationPath(impl_->index_dir, impl_->generation);
    std::optional<BlockBoundsRecord> stored =
        StoreNewBlockBounds(impl_->database, database_dir, /*options=*/{}, stop);
    if (!stored) return false;
    impl_->bounds = *std::move(stored);
    impl_->database.commit();
    RemoveOtherWordTiers(database_dir, impl_->bounds);
  } catch (const Xapian::Error& error) {
    impl_->bounds = {};  // as if none: a later call builds them again
    return std::unexpected(FromXapianError(error, "bound the search index's blocks"));
  }
  return true;
}

Result<int64_t> PaperIndexer::PaperCount() {
  MutexLock lock(&impl_->mutex);
  try {
    return static_cast<int64_t>(impl_->database.get_doccount());
  } catch (const Xapian::Error& error) {
    return std::unexpected(FromXapianError(error, "count indexed papers"));
  }
}

}  // namespace coolpapers::search
