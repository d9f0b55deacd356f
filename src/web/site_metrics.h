// What the site counts for /metrics (Prometheus): answers by route and status, how long each
// route took to answer (a histogram), page-cache lookups, and refusals (429 and 503 answers,
// the site's and those the server gives itself before a request reaches the site). Counting is
// a short critical section per request; the exposition reads a snapshot.
#ifndef COOLPAPERS_WEB_SITE_METRICS_H_
#define COOLPAPERS_WEB_SITE_METRICS_H_

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <map>
#include <string_view>
#include <utility>

#include "core/mutex.h"
#include "faq/faq_live_hub.h"
#include "web/metrics/prometheus_text.h"

namespace coolpapers::web {

class RateLimiter;
class Server;
class WatcherQuota;

class SiteMetrics {
 public:
  // The upper bounds of the latency histogram's buckets, in seconds.
  static constexpr std::array<double, 14> kLatencyBounds = {
      0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

  // One answer of the site. `route` names the route table's entry ("home", "list"), or
  // "asset" (the embedded front end) or "none" (a target no route claims); it must outlive
  // the metrics (the table's names and literals do).
  void RecordRequest(std::string_view route, int status, std::chrono::nanoseconds latency);
  // A lookup in the page cache called `cache` ("pages", "search"; a literal).
  void RecordCacheLookup(std::string_view cache, bool hit);
  // An answer the server gave itself (ServerOptions::on_rejected): a header too large, a
  // request refused before it reached the site.
  void RecordServerAnswer(int status);

  // Counts the limiter and the server keep themselves, read at each Append (their refusals,
  // the connections open). Each must outlive every later Append; serve sets them before the
  // first request.
  void Watch(const RateLimiter& limiter) { limiter_.store(&limiter); }
  void Watch(const Server& server) { server_.store(&server); }
  // The FAQ event streams open (the site's WatcherQuota) and what the FAQ's live hub holds.
  void Watch(const WatcherQuota& faq_streams) { faq_streams_.store(&faq_streams); }
  void Watch(const faq::FaqLiveHub& faq_hub) { faq_hub_.store(&faq_hub); }

  // coolpapers_http_requests_total, coolpapers_http_request_duration_seconds,
  // coolpapers_page_cache_lookups_total, coolpapers_http_refusals_total and
  // coolpapers_http_server_answers_total; with Watch, coolpapers_rate_limit_refusals_total,
  // coolpapers_http_connections, coolpapers_http_connections_refused_total,
  // coolpapers_faq_streams, coolpapers_faq_watchers, coolpapers_faq_watched_generations and
  // coolpapers_faq_live_generations; while the index's block cache is on,
  // coolpapers_index_block_cache_reads_total and coolpapers_index_block_cache_bytes. Thread-safe.
  void Append(PrometheusText& out) const;

 private:
  struct Latency {
    std::array<uint64_t, kLatencyBounds.size() + 1> counts{};  // the last: above every bound
    double sum_seconds = 0;
  };

  std::atomic<const RateLimiter*> limiter_{nullptr};
  std::atomic<const Server*> server_{nullptr};
  std::atomic<const WatcherQuota*> faq_streams_{nullptr};
  std::atomic<const faq::FaqLiveHub*> faq_hub_{nullptr};
  mutable Mutex mutex_;
  std::map<std::pair<std::string_view, int>, uint64_t> requests_ GUARDED_BY(mutex_);
  std::map<std::string_view, Latency> latency_ GUARDED_BY(mutex_);
  std::map<std::pair<std::string_view, bool>, uint64_t> cache_lookups_ GUARDED_BY(mutex_);
  std::map<int, uint64_t> server_answers_ GUARDED_BY(mutex_);
};

}  // namespace coolpapers::web

#endif  // COOLPAPERS_WEB_SITE_METRICS_H_
