#include "search/searcher.h"

#include <xapian.h>

#include <algorithm>
#include <mutex>
#include <utility>

#include "search/index_layout.h"
#include "search/query_builder.h"
#include "search/term_prefixes.h"
#include "search/xapian_error.h"

namespace coolpapers::search {
namespace {

// A Xapian::Database is not safe to share between threads, so each search borrows one.
struct Reader {
  int generation = 0;
  Xapian::Database database;
};

// Brings the reader up to the writer's last commit, or onto a generation a rebuild swapped in.
Result<void> Refresh(const std::filesystem::path& index_dir, Reader& reader) {
  Result<int> generation = ReadCurrentGeneration(index_dir);
  if (!generation) return std::unexpected(generation.error());
  if (*generation == 0) {
    return Fail(ErrorCode::kUnavailable, "the search index is not built yet",
                "no " + CurrentStubPath(index_dir).string());
  }
  try {
    if (*generation != reader.generation) {
      reader.database = Xapian::Database(CurrentStubPath(index_dir).string());
      reader.generation = *generation;
    } else {
      reader.database.reopen();
    }
  } catch (const Xapian::Error& error) {
    return std::unexpected(FromXapianError(error, "open the search index"));
  }
  return {};
}

Xapian::MSet Match(Xapian::Database& database, const Xapian::Query& query, SearchSort sort,
                   int offset, int limit) {
  Xapian::Enquire enquire(database);
  enquire.set_query(query);
  enquire.set_weighting_scheme(Xapian::BM25Weight());
  if (sort == SearchSort::kNewest) enquire.set_sort_by_value_then_relevance(kDaySlot, true);
  return enquire.get_mset(static_cast<Xapian::doccount>(offset),
                          static_cast<Xapian::doccount>(limit));
}

}  // namespace

struct Searcher::Impl {
  std::filesystem::path index_dir;
  std::mutex mutex;
  std::vector<std::unique_ptr<Reader>> idle;  // Guarded by mutex.

  std::unique_ptr<Reader> Borrow() {
    std::lock_guard lock(mutex);
    if (idle.empty()) return std::make_unique<Reader>();
    std::unique_ptr<Reader> reader = std::move(idle.back());
    idle.pop_back();
    return reader;
  }
  void Return(std::unique_ptr<Reader> reader) {
    std::lock_guard lock(mutex);
    idle.push_back(std::move(reader));
  }
};

Searcher::Searcher(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Searcher::~Searcher() = default;

Result<std::unique_ptr<Searcher>> Searcher::Open(const std::filesystem::path& index_dir) {
  auto impl = std::make_unique<Impl>();
  impl->index_dir = index_dir;
  auto reader = std::make_unique<Reader>();
  if (Result<void> opened = Refresh(index_dir, *reader); !opened) {
    return std::unexpected(opened.error());
  }
  impl->Return(std::move(reader));
  return std::unique_ptr<Searcher>(new Searcher(std::move(impl)));
}

Result<SearchResults> Searcher::Search(const SearchQuery& query) {
  if (query.offset < 0 || query.limit < 0) {
    return Fail(ErrorCode::kInvalidArgument, "offset and limit must not be negative");
  }
  Result<Xapian::Query> built = BuildQuery(query.text);
  if (!built) return std::unexpected(built.error());
  const int limit = std::max(0, std::min(query.limit, kMaxResults - query.offset));

  std::unique_ptr<Reader> reader = impl_->Borrow();
  if (Result<void> refreshed = Refresh(impl_->index_dir, *reader); !refreshed) {
    return std::unexpected(refreshed.error());  // The reader is dropped, not pooled.
  }
  SearchResults results;
  try {
    Xapian::MSet matches;
    try {
      matches = Match(reader->database, *built, query.sort, query.offset, limit);
    } catch (const Xapian::DatabaseModifiedError&) {
      // The writer committed twice while we read; the newest revision is consistent.
      reader->database.reopen();
      matches = Match(reader->database, *built, query.sort, query.offset, limit);
    }
    results.total_estimate = matches.get_matches_estimated();
    results.hits.reserve(matches.size());
    for (auto it = matches.begin(); it != matches.end(); ++it) {
      results.hits.push_back(SearchHit{it.get_document().get_data(),
                                       static_cast<int>(it.get_rank()), it.get_weight()});
    }
  } catch (const Xapian::Error& error) {
    return std::unexpected(FromXapianError(error, "search"));
  }
  impl_->Return(std::move(reader));
  return results;
}

}  // namespace coolpapers::search
