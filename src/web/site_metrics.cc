#include "web/site_metrics.h"

#include <algorithm>
#include <string>

#include "search/index_block_cache.h"
#include "web/rate_limiter.h"
#include "web/server.h"
#include "web/watcher_quota.h"

namespace coolpapers::web {
namespace {

bool IsRefusal(int status) { return status == 429 || status == 503; }

}  // namespace

void SiteMetrics::RecordRequest(std::string_view route, int status,
                                std::chrono::nanoseconds latency) {
  const double seconds = std::chrono::duration<double>(latency).count();
  const size_t bucket = static_cast<size_t>(
      std::lower_bound(kLatencyBounds.begin(), kLatencyBounds.end(), seconds) -
      kLatencyBounds.begin());
  MutexLock lock(&mutex_);
  ++requests_[{route, status}];
  Latency& latency_of_route = latency_[route];
  ++latency_of_route.counts[bucket];
  latency_of_route.sum_seconds += seconds;
}

void SiteMetrics::RecordCacheLookup(std::string_view cache, bool hit) {
  MutexLock lock(&mutex_);
  ++cache_lookups_[{cache, hit}];
}

void SiteMetrics::RecordServerAnswer(int status) {
  MutexLock lock(&mutex_);
  ++server_answers_[status];
}

void SiteMetrics::Append(PrometheusText& out) const {
  if (const RateLimiter* limiter = limiter_.load()) {
    out.Family("coolpapers_rate_limit_refusals_total", "counter",
               "Requests the per-client rate limiter refused (answered 429), every bucket.");
    out.Sample("coolpapers_rate_limit_refusals_total", {}, static_cast<double>(limiter->refusals()));
  }
  if (const Server* server = server_.load()) {
    out.Family("coolpapers_http_connections", "gauge", "Connections open now.");
    out.Sample("coolpapers_http_connections", {}, static_cast<double>(server->connections()));
    out.Family("coolpapers_http_connections_refused_total", "counter",
               "Connections the server closed at once for a cap ([limits] max_connections, "
               "max_connections_per_client).");
    out.Sample("coolpapers_http_connections_refused_total", {},
               static_cast<double>(server->refused_connections()));
  }
  if (const WatcherQuota* streams = faq_streams_.load()) {
    out.Family("coolpapers_faq_streams", "gauge",
               "FAQ event streams open now ([limits] faq_streams_per_paper, "
               "faq_streams_per_client).");
    out.Sample("coolpapers_faq_streams", {}, static_cast<double>(streams->held()));
  }
  if (const faq::FaqLiveHub* hub = faq_hub_.load()) {
    const faq::FaqLiveCounts counts = hub->Counts();
    out.Family("coolpapers_faq_watchers", "gauge",
               "Listeners following FAQ generations in this process (a stream each).");
    out.Sample("coolpapers_faq_watchers", {}, static_cast<double>(counts.watchers));
    out.Family("coolpapers_faq_watched_generations", "gauge",
               "FAQ generations (paper, version, language) with at least one listener.");
    out.Sample("coolpapers_faq_watched_generations", {},
               static_cast<double>(counts.watched_keys));
    out.Family("coolpapers_faq_live_generations", "gauge",
               "FAQ generations running in this process now.");
    out.Sample("coolpapers_faq_live_generations", {},
               static_cast<double>(counts.live_generations));
  }
  if (const search::IndexBlockCacheCounts cache = search::CountIndexBlockCache();
      cache.most_bytes > 0) {
    out.Family("coolpapers_index_block_cache_reads_total", "counter",
               "Reads of the search index's blocks: from the block cache (hit), from the files "
               "and then kept (miss), or of other sizes, from the files (passed).");
    out.Sample("coolpapers_index_block_cache_reads_total", {{"result", "hit"}},
               static_cast<double>(cache.hits));
    out.Sample("coolpapers_index_block_cache_reads_total", {{"result", "miss"}},
               static_cast<double>(cache.misses));
    out.Sample("coolpapers_index_block_cache_reads_total", {{"result", "passed"}},
               static_cast<double>(cache.passed));
    out.Family("coolpapers_index_block_cache_bytes", "gauge",
               "Bytes of index blocks the block cache holds now (serve --index-cache-mb bounds "
               "them).");
    out.Sample("coolpapers_index_block_cache_bytes", {},
               static_cast<double>(cache.blocks) * static_cast<double>(search::kBlockBytes));
  }
  MutexLock lock(&mutex_);
  out.Family("coolpapers_http_requests_total", "counter",
             "Answers of the site by route (the route table's name) and HTTP status.");
  for (const auto& [key, count] : requests_) {
    const std::string status = std::to_string(key.second);
    out.Sample("coolpapers_http_requests_total", {{"route", key.first}, {"status", status}},
               static_cast<double>(count));
  }
  out.Family("coolpapers_http_request_duration_seconds", "histogram",
             "Time the site took to produce an answer (routing, cache, handler), by route.");
  for (const auto& [route, latency] : latency_) {
    const MetricLabel labels[] = {{"route", route}};
    out.Histogram("coolpapers_http_request_duration_seconds", labels, kLatencyBounds,
                  latency.counts, latency.sum_seconds);
  }
  out.Family("coolpapers_page_cache_lookups_total", "counter",
             "Lookups in the rendered-page caches, by cache and result (hit or miss).");
  for (const auto& [key, count] : cache_lookups_) {
    out.Sample("coolpapers_page_cache_lookups_total",
               {{"cache", key.first}, {"result", key.second ? "hit" : "miss"}},
               static_cast<double>(count));
  }
  out.Family("coolpapers_http_server_answers_total", "counter",
             "Answers the server gave itself before a request reached the site, by status.");
  for (const auto& [status, count] : server_answers_) {
    out.Sample("coolpapers_http_server_answers_total", {{"status", std::to_string(status)}},
               static_cast<double>(count));
  }
  // Refusals, wherever they were made: the load the instance turned away.
  std::map<std::pair<int, std::string_view>, uint64_t> refusals;
  for (const auto& [key, count] : requests_) {
    if (IsRefusal(key.second)) refusals[{key.second, "site"}] += count;
  }
  for (const auto& [status, count] : server_answers_) {
    if (IsRefusal(status)) refusals[{status, "server"}] += count;
  }
  out.Family("coolpapers_http_refusals_total", "counter",
             "Requests refused with 429 (too many) or 503 (unavailable), by status and by whom "
             "(the site's routes, or the server before the site).");
  for (const auto& [key, count] : refusals) {
    out.Sample("coolpapers_http_refusals_total",
               {{"status", std::to_string(key.first)}, {"by", key.second}},
               static_cast<double>(count));
  }
}

}  // namespace coolpapers::web
