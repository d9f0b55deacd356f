// The serve process's search: the one index writer, kept caught up with the store by an
// IndexUpdater thread, and the Searcher the site reads with.
#ifndef COOLPAPERS_SEARCH_SEARCH_SERVICE_H_
#define COOLPAPERS_SEARCH_SEARCH_SERVICE_H_

#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>

#include "search/index_updater.h"
#include "search/paper_indexer.h"
#include "search/searcher.h"
#include "store/store.h"
#include "store/venue_store.h"

namespace coolpapers::search {

struct SearchService {
  std::unique_ptr<search::PaperIndexer> indexer;  // null while another process holds the index
  std::unique_ptr<search::IndexUpdater> updater;  // after indexer: stops before it closes
  std::unique_ptr<search::Searcher> searcher;     // null when there is no index to read yet
};

struct SearchServiceOptions {
  SearcherOptions searcher;
  // Bytes of the index's blocks kept in serve's memory (index_block_cache.h), taken only when
  // this process holds the index's writer, so that every write is seen. Unset: a 64th of the
  // index's size when serve starts, at most kMostAutomaticIndexCacheBytes; 0: none. At 2.7M
  // papers 32 MiB would answer about half of the block reads of distinct searches (64 MiB 61%),
  // and serve stays under issue 19's 300 MB (with 64 MiB it peaked at 301-312 MB).
  std::optional<std::size_t> index_cache_bytes;
};
inline constexpr std::size_t kMostAutomaticIndexCacheBytes = std::size_t{32} << 20;

// Opens the index in `index_dir` (creating it, and filling it from `store` in the background,
// when new) and starts keeping it up to date. Never fails: without the writer (a running
// `coolpapers index rebuild` holds it) or a readable index, it says so on stderr and serves
// what it can; the site then answers search with 503. `store` must outlive the service.
// `venues`, when given (and then outliving the service too), has its papers indexed beside the
// arXiv papers (SyncVenueIndex).
std::unique_ptr<SearchService> OpenSearchService(store::Store& store,
                                                 const std::filesystem::path& index_dir,
                                                 store::VenueStore* venues = nullptr,
                                                 const SearchServiceOptions& options = {});

}  // namespace coolpapers::search

#endif  // COOLPAPERS_SEARCH_SEARCH_SERVICE_H_
