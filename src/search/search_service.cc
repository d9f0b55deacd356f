#include "search/search_service.h"

#include <cstdio>

namespace coolpapers::search {

std::unique_ptr<SearchService> OpenSearchService(store::Store& store,
                                                 const std::filesystem::path& index_dir,
                                                 store::VenueStore* venues,
                                                 SearcherOptions options) {
  auto service = std::make_unique<SearchService>();
  Result<std::unique_ptr<search::PaperIndexer>> indexer = search::PaperIndexer::Open(index_dir);
  if (indexer) {
    service->indexer = std::move(*indexer);
    service->updater = std::make_unique<search::IndexUpdater>(
        store, *service->indexer, std::chrono::milliseconds(1000), venues);
  } else {
    std::fprintf(stderr, "coolpapers: the search index will not follow the store: %s (%s)\n",
                 indexer.error().message.c_str(), indexer.error().detail.c_str());
  }
  Result<std::unique_ptr<search::Searcher>> searcher = search::Searcher::Open(index_dir, options);
  if (searcher) {
    service->searcher = std::move(*searcher);
  } else {
    std::fprintf(stderr, "coolpapers: search is off: %s (%s)\n", searcher.error().message.c_str(),
                 searcher.error().detail.c_str());
  }
  return service;
}

}  // namespace coolpapers::search
