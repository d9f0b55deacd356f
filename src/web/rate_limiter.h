// Per-client token buckets for the site's costly routes (issue #18): each route's entry in the
// route table names the bucket it draws from (RouteEntry::limit); a client whose bucket is empty
// gets 429 with Retry-After instead of the work. A client is an address (client_address.h).
// Buckets refill continuously at `per_minute` up to `burst`, so a reader who clicks around
// never notices, and a crawler or a script settles at the rate.
#ifndef COOLPAPERS_WEB_RATE_LIMITER_H_
#define COOLPAPERS_WEB_RATE_LIMITER_H_

#include <array>
#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/clock.h"
#include "core/mutex.h"

namespace coolpapers::web {

// The buckets, one set per client. kNone: free (cached pages, static answers). Fetches from
// arXiv for a paper or PDF we lack are bounded by jobs::FetchLimits instead (how many wait).
enum class LimitClass {
  kNone,
  kRender,  // a page rendered afresh (a miss of the page cache)
  kSearch,  // a search, related papers (a miss of the search cache)
  kPdf,     // a PDF read from the cache or fetched from arXiv
  kModel,   // a FAQ or translation request: may queue model calls
  kClick,   // a click counted
  kToken,   // a POST of the magic token: a guess, so few a minute
};
inline constexpr size_t kLimitClassCount = 7;

// "searches", "PDFs", ...: what a reader is told they asked for too often.
std::string_view LimitClassNoun(LimitClass limit);

struct BucketRate {
  double per_minute = 60;  // refill; <= 0 turns the bucket off (unlimited)
  double burst = 30;       // the bucket's size: this many at once after a quiet while
};

struct RateLimits {
  BucketRate render{.per_minute = 120, .burst = 120};
  BucketRate search{.per_minute = 30, .burst = 20};
  BucketRate pdf{.per_minute = 60, .burst = 60};
  BucketRate model{.per_minute = 10, .burst = 10};
  BucketRate click{.per_minute = 20, .burst = 20};
  // Guesses of the magic token (POST /api/token): enough for a reader who mistypes it, too few
  // to try tokens one after another (the compare is constant-time; this bounds the guessing).
  BucketRate token{.per_minute = 5, .burst = 5};
  // Readers one client may count per paper, kind and UTC day (/api/clicks, DailyAllowance);
  // more are answered with the counts unchanged. 0: no limit.
  int click_readers_per_client = 3;
  // FAQ event streams open at once on one paper and from one client (WatcherQuota); 0: no cap.
  int faq_streams_per_paper = 200;
  int faq_streams_per_client = 8;
  // How long a refusal for a client's rate or the spent model budget (429) is held before it
  // is sent (Response::hold): a flood of refused requests from a few connections took the cores
  // from readers (issue #18's strangers benchmark, "budget": ~18,000 429s a second on 8
  // connections); held, each connection sends at most one request per hold. 0: sent at once.
  std::chrono::milliseconds refusal_hold{1000};
  // Peers whose X-Forwarded-For names the client (a reverse proxy on this host: "127.0.0.1").
  std::vector<std::string> trusted_proxies = {};
  // Clients remembered at once; past it the buckets that are full again are forgotten (a full
  // bucket is what a new client gets anyway), and if none is, every bucket.
  size_t max_clients = 100'000;

  const BucketRate& For(LimitClass limit) const;
};

// Thread-safe.
class RateLimiter {
 public:
  explicit RateLimiter(RateLimits limits = {}, Clock* clock = &RealClock());

  // Takes one token of `client`'s bucket `limit`: nullopt when there was one (go ahead),
  // otherwise how long until there is (at least a second). kNone is always free.
  std::optional<std::chrono::seconds> Take(std::string_view client, LimitClass limit);

  const RateLimits& limits() const { return limits_; }
  // Requests refused so far, for /metrics.
  uint64_t refusals() const { return refusals_.load(std::memory_order_relaxed); }

 private:
  struct Bucket {
    double tokens = -1;  // < 0: never used, full
    Clock::TimePoint updated;
  };
  using Buckets = std::array<Bucket, kLimitClassCount>;

  // Refills `bucket` to `now`.
  void Refill(Bucket& bucket, const BucketRate& rate, Clock::TimePoint now) const;
  void ForgetIdleClients(Clock::TimePoint now) REQUIRES(mutex_);

  const RateLimits limits_;
  Clock& clock_;
  std::atomic<uint64_t> refusals_{0};
  Mutex mutex_;
  std::unordered_map<std::string, Buckets> clients_ GUARDED_BY(mutex_);
};

}  // namespace coolpapers::web

#endif  // COOLPAPERS_WEB_RATE_LIMITER_H_
