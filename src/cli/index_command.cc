#include "cli/index_command.h"

#include <chrono>
#include <cstdio>
#include <memory>

#include "cli/data_dir.h"
#include "cli/print_error.h"
#include "search/index_sync.h"
#include "search/paper_indexer.h"
#include "store/store_location.h"

namespace coolpapers::cli {
namespace {

using Clock = std::chrono::steady_clock;

constexpr int kExitOk = 0;
constexpr int kExitFailed = 1;

int ReportError(const Error& error) {
  PrintError(error);
  return kExitFailed;
}

// One line per batch: "indexed 15000 of 40717 papers (3120 papers/s)".
search::IndexProgress PrintProgress(Clock::time_point started) {
  return [started](int64_t done, int64_t total) {
    const double seconds = std::chrono::duration<double>(Clock::now() - started).count();
    std::fprintf(stderr, "coolpapers: indexed %lld of %lld papers (%.0f papers/s)\n",
                 static_cast<long long>(done), static_cast<long long>(total),
                 seconds > 0 ? static_cast<double>(done) / seconds : 0.0);
  };
}

}  // namespace

int RunIndexCommand(const IndexOptions& options) {
  auto location = ResolveStoreLocation(options.data_dir, options.store);
  if (!location) return ReportError(location.error());
  // The index is derived from the store: without one there is nothing to index.
  if (auto ready = PrepareStore(options.data_dir, *location, StoreAccess::kExisting); !ready) {
    return ReportError(ready.error());
  }
  auto store = store::OpenStoreAt(*location);
  if (!store) return ReportError(store.error());
  auto indexer = search::PaperIndexer::Open(IndexPath(options.data_dir));
  if (!indexer) {
    if (indexer.error().code == ErrorCode::kUnavailable) {
      std::fprintf(stderr,
                   "coolpapers: the search index is in use by another process (a running "
                   "`coolpapers serve` keeps it up to date itself)\n");
    }
    return ReportError(indexer.error());
  }
  const Clock::time_point started = Clock::now();
  const auto merging = [] {
    std::fprintf(stderr, "coolpapers: merging the index parts into one (the last step)\n");
  };
  Result<int64_t> indexed =
      options.rebuild ? search::RebuildIndex(**store, **indexer, PrintProgress(started), merging)
                      : search::CatchUpIndex(**store, **indexer, PrintProgress(started));
  if (!indexed) return ReportError(indexed.error());
  if (!options.rebuild && !(*indexer)->FormatIsCurrent().value_or(true)) {
    std::fprintf(stderr,
                 "coolpapers: note: the search index was made by an older coolpapers and misses "
                 "what queries now look for; run `coolpapers index rebuild` (serve does it by "
                 "itself)\n");
  }
  // What changed while a rebuild ran was not in it; it is quick to add now.
  if (options.rebuild) {
    Result<int64_t> caught_up = search::CatchUpIndex(**store, **indexer);
    if (!caught_up) return ReportError(caught_up.error());
    *indexed += *caught_up;
  }
  // Venue papers: all of them after a rebuild (the new generation has none), those of a changed
  // store otherwise.
  auto venues = store::OpenVenueStoreAt(*location);
  if (!venues) return ReportError(venues.error());
  Result<int64_t> venue_papers = search::SyncVenueIndex(**venues, **indexer);
  if (!venue_papers) return ReportError(venue_papers.error());
  *indexed += *venue_papers;
  // What lets a search read only the blocks that can reach its page (docs/search.md).
  const Clock::time_point bounding = Clock::now();
  Result<bool> bounded = (*indexer)->RefreshBlockBounds(/*only_if_stale=*/!options.rebound);
  if (!bounded) return ReportError(bounded.error());
  if (*bounded) {
    std::fprintf(stderr, "coolpapers: block bounds and word tiers built in %.1f s\n",
                 std::chrono::duration<double>(Clock::now() - bounding).count());
  }
  const double seconds = std::chrono::duration<double>(Clock::now() - started).count();
  std::fprintf(stderr, "coolpapers: %s: %lld papers indexed in %.1f s; the index holds %lld\n",
               options.rebuild ? "index rebuilt" : "index updated",
               static_cast<long long>(*indexed), seconds,
               static_cast<long long>((*indexer)->PaperCount().value_or(-1)));
  return kExitOk;
}

}  // namespace coolpapers::cli
