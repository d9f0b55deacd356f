#include "search/search_service.h"

#include <algorithm>
#include <cstdio>
#include <system_error>

#include "search/index_block_cache.h"
#include "search/index_layout.h"

namespace coolpapers::search {
namespace {

// The bytes of the index's current generation (0 when there is none yet).
std::size_t IndexBytes(const std::filesystem::path& index_dir) {
  const Result<int> generation = ReadCurrentGeneration(index_dir);
  if (!generation || *generation == 0) return 0;
  std::size_t bytes = 0;
  std::error_code ec;
  for (const auto& entry :
       std::filesystem::directory_iterator(GenerationPath(index_dir, *generation), ec)) {
    if (entry.is_regular_file(ec)) bytes += static_cast<std::size_t>(entry.file_size(ec));
  }
  return bytes;
}

}  // namespace

std::unique_ptr<SearchService> OpenSearchService(store::Store& store,
                                                 const std::filesystem::path& index_dir,
                                                 store::VenueStore* venues,
                                                 const SearchServiceOptions& options) {
  auto service = std::make_unique<SearchService>();
  Result<std::unique_ptr<search::PaperIndexer>> indexer = search::PaperIndexer::Open(index_dir);
  if (indexer) {
    // Before the searcher opens its tables: their reads go through the cache from then on.
    constexpr std::size_t kIndexBytesPerCacheByte = 64;
    CacheIndexBlocks(options.index_cache_bytes.value_or(std::min(
        kMostAutomaticIndexCacheBytes, IndexBytes(index_dir) / kIndexBytesPerCacheByte)));
    service->indexer = std::move(*indexer);
    service->updater = std::make_unique<search::IndexUpdater>(
        store, *service->indexer, std::chrono::milliseconds(1000), venues);
  } else {
    std::fprintf(stderr, "coolpapers: the search index will not follow the store: %s (%s)\n",
                 indexer.error().message.c_str(), indexer.error().detail.c_str());
    if (options.index_cache_bytes.value_or(0) > 0) {
      std::fprintf(stderr, "coolpapers: no block cache for the search index: it would not see the "
                           "writes of the process that holds the index\n");
    }
  }
  Result<std::unique_ptr<search::Searcher>> searcher =
      search::Searcher::Open(index_dir, options.searcher);
  if (searcher) {
    service->searcher = std::move(*searcher);
  } else {
    std::fprintf(stderr, "coolpapers: search is off: %s (%s)\n", searcher.error().message.c_str(),
                 searcher.error().detail.c_str());
  }
  return service;
}

}  // namespace coolpapers::search
