// The site: turns a Request into a Response. Routes the target, answers from the page cache or
// loads and renders the page (storing it for the next reader), and maps every error to its
// status. This is the function the HTTP server calls; it knows nothing of sockets.
#ifndef COOLPAPERS_WEB_SITE_H_
#define COOLPAPERS_WEB_SITE_H_

#include <chrono>
#include <optional>

#include "store/store.h"
#include "web/change_watcher.h"
#include "web/http_message.h"
#include "web/page_cache.h"
#include "web/router.h"
#include "web/site_services.h"

namespace coolpapers::web {

struct SiteOptions {
  PageCacheOptions cache;
  // How often the store's change stamp is read; the cache is dropped when it moves, so an
  // import by another process shows within about this long.
  std::chrono::milliseconds change_poll{500};
};

class Site {
 public:
  // `store` (and what `services` point to) must outlive the Site. Starts the cache's
  // compressor and the change watcher.
  explicit Site(store::Store& store, SiteOptions options = {}, SiteServices services = {});

  // Answers one request. GET and HEAD, and POST where the route takes it (AcceptsPost); 405
  // with Allow otherwise. HEAD is answered as GET (the server leaves out the body). Pages carry Cache-Control: max-age=60 and
  // Vary: Accept-Encoding, and come gzip-encoded when the client accepts gzip and the cached
  // page's compression is ready. Never throws for bad input (4xx); store failures are 5xx.
  // Thread-safe: called from every server thread at once.
  Response Handle(const Request& request);

  // The cache, for tests and the benchmark.
  PageCache& cache() { return cache_; }
  // The cache of search results, for tests.
  PageCache& search_cache() { return search_cache_; }

 private:
  // A paper we do not have: its fetch from arXiv, or nullopt when fetching is not offered.
  std::optional<Response> FetchResponse(const Route& route, const Request& request);
  Response StatusResponse();
  // /api/clicks/<ids>: POST counts the cookie's reader's click today, GET reads the counts.
  Response ClicksResponse(const Route& route, const Request& request, bool post);
  // The UTC day a click counts under: services_.today, else the system clock.
  Date Today() const;
  // <list>/feed and /arxiv/search/feed, with validators, from their caches.
  Response FeedResponse(const Route& route, const Request& request);
  bool IsAdmin(const Request& request) const;

  // The cache for a search page, search feed or related papers: search_cache_, or null when
  // the route is not cached (no index, or sorted by stars: clicks move that order).
  PageCache* SearchCache(const Route& route);

  store::Store& store_;
  const SiteServices services_;
  PageCache cache_;        // pages and feeds from the store: lists, papers, days, home
  ChangeWatcher watcher_;  // after cache_: it calls into it
  PageCache search_cache_;  // search pages and feeds, related papers (SearchStamp in site.cc)
  std::optional<ChangeWatcher> search_watcher_;  // when there is an index; after search_cache_
};

}  // namespace coolpapers::web

#endif  // COOLPAPERS_WEB_SITE_H_
