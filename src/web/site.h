// The site: turns a Request into a Response. Routes the target, looks up the route's entry in
// the route table (route_table.h), and does for every route what its entry asks: checks the
// method, answers from the entry's page cache or calls its handler (storing the page for the
// next reader), and maps errors to their status. This is the function the HTTP server calls;
// it knows nothing of sockets.
#ifndef COOLPAPERS_WEB_SITE_H_
#define COOLPAPERS_WEB_SITE_H_

#include <chrono>
#include <memory>
#include <optional>
#include <string_view>

#include "store/store.h"
#include "web/change_watcher.h"
#include "web/daily_allowance.h"
#include "web/http_message.h"
#include "web/page_cache.h"
#include "web/page_cache_sync.h"
#include "web/rate_limiter.h"
#include "web/pages/layout.h"
#include "web/route_table.h"
#include "web/site_services.h"
#include "web/watcher_quota.h"

namespace coolpapers::web {

// The part of SiteOptions::cache.max_bytes the rendered pages get; search results get the
// rest. Each cache had the whole bound before, so serve held up to twice --page-cache-mb of
// cached pages (issue #19 target 6: 179 MB with the 40k sample under a request mix).
inline constexpr double kPageCacheShare = 0.75;

struct SiteOptions {
  // Both caches together: max_bytes is shared, kPageCacheShare of it for rendered pages, the
  // rest for search results (serve's --page-cache-mb).
  PageCacheOptions cache;
  // How often the store's page changes and change stamp are read (PageCacheSync); what they
  // make stale is dropped, so an import by another process shows within about this long.
  std::chrono::milliseconds change_poll{500};
  // What every HTML page, error pages too, tells the front end about this instance.
  PageFrame frame = {};
  // The per-client buckets of the costly routes ([limits]); read on services.clock.
  RateLimits limits = {};
};

class Site {
 public:
  // `store` (and what `services` point to) must outlive the Site. Starts the cache's
  // compressor and the change watcher.
  explicit Site(store::Store& store, SiteOptions options = {}, SiteServices services = {});

  // Answers one request, counted in services.metrics when given. GET and HEAD, and POST where the route's entry takes it; 405 with
  // Allow otherwise. HEAD is answered as GET (the server leaves out the body). Pages carry
  // Cache-Control: max-age=60 and Vary: Accept-Encoding, and come gzip-encoded when the client
  // accepts gzip and the cached page's compression is ready. Never throws for bad input (4xx);
  // store failures are 5xx. Thread-safe: called from every server thread at once.
  Response Handle(const Request& request);
  // Handle for what costs next to nothing: a page from the cache, an embedded asset, a refusal
  // of the method or an unparsable target. nullopt for the rest (a render, a search, a PDF, a
  // POST, ...), which then goes to Handle. The server calls it on its I/O threads before it
  // hands a request to its workers (ServerOptions::quick), so a reader of cached pages never
  // waits behind expensive work. Thread-safe.
  std::optional<Response> HandleQuick(const Request& request);

  // The cache, for tests and the benchmark.
  PageCache& cache() { return cache_; }
  // What the cache's sync with the store dropped, for /metrics and the benchmark.
  const PageCacheSyncCounts& cache_sync_counts() const { return page_sync_.counts(); }
  // The cache of search results, for tests.
  PageCache& search_cache() { return search_cache_; }
  // The per-client buckets, for /metrics (refusals()).
  const RateLimiter& limiter() const { return limiter_; }
  // The FAQ streams' places, for tests and /metrics (held()).
  const WatcherQuota& faq_watchers() const { return *faq_watchers_; }

 private:
  enum class Reach { kEverything, kQuickOnly };
  // Handle without the headers every answer carries. Sets `route_name` to the answering
  // entry's name, or "asset" (SiteMetrics::RecordRequest). With kQuickOnly, nullopt where the
  // answer would take the handler (HandleQuick); with kEverything never nullopt.
  std::optional<Response> Dispatch(const Request& request, std::string_view& route_name,
                                   Reach reach);
  // Dispatch's answer with what every answer carries (CORS for the API, security headers),
  // counted in services.metrics.
  Response Finish(const Request& request, std::string_view route_name,
                  std::chrono::steady_clock::time_point started, Response response) const;
  // The cache the policy names, or null: kNone, or kSearchPages without an index.
  PageCache* CacheFor(CachePolicy policy);
  bool IsAdmin(const Request& request) const;
  // The client the per-client limits count `request` against (client_address.h).
  std::string ClientOf(const Request& request) const;
  // Takes a token of `client`'s bucket `limit`: nullopt to go on, or the (held) 429 to send.
  std::optional<Response> TakeToken(const Request& request, std::string_view client,
                                    LimitClass limit, ErrorFormat format);
  // 429 for a client whose bucket `limit` is empty (Retry-After: `wait`), in the route's format.
  Response TooManyRequests(LimitClass limit, std::chrono::seconds wait, ErrorFormat format) const;
  // 429 while the model budget is spent (SiteServices::model_budget_spent), until 00:00 UTC.
  Response BudgetSpent(ErrorFormat format) const;
  // `refusal` with RateLimits::refusal_hold, unless it goes to a trusted proxy: a proxy's
  // connections carry many clients, and holding them would turn a flood of refused requests
  // into a flood of held connections, up to the connection cap that everyone shares.
  Response Held(Response refusal, std::string_view peer) const;

  store::Store& store_;
  const SiteServices services_;
  const PageFrame frame_;
  PageCache cache_;         // CachePolicy::kStorePages: lists, papers, days, home, list feeds
  PageCacheSync page_sync_;  // drops what each store change makes stale from cache_
  ChangeWatcher watcher_;   // after cache_ and page_sync_: it calls into them
  PageCache search_cache_;  // CachePolicy::kSearchPages (SearchStamp in site.cc)
  std::optional<ChangeWatcher> search_watcher_;  // when there is an index; after search_cache_
  RateLimiter limiter_;
  DailyAllowance click_allowance_;  // limits().click_readers_per_client
  std::shared_ptr<WatcherQuota> faq_watchers_;  // limits().faq_streams_per_*
};

}  // namespace coolpapers::web

#endif  // COOLPAPERS_WEB_SITE_H_
