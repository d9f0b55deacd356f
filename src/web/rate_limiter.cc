#include "web/rate_limiter.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <utility>

namespace coolpapers::web {

std::string_view LimitClassNoun(LimitClass limit) {
  switch (limit) {
    case LimitClass::kNone: return "requests";
    case LimitClass::kRender: return "pages";
    case LimitClass::kSearch: return "searches";
    case LimitClass::kPdf: return "PDFs";
    case LimitClass::kModel: return "FAQ and translation requests";
    case LimitClass::kClick: return "clicks";
    case LimitClass::kToken: return "magic token attempts";
  }
  return "requests";
}

const BucketRate& RateLimits::For(LimitClass limit) const {
  static constexpr BucketRate kUnlimited{.per_minute = 0, .burst = 0};
  switch (limit) {
    case LimitClass::kNone: return kUnlimited;
    case LimitClass::kRender: return render;
    case LimitClass::kSearch: return search;
    case LimitClass::kPdf: return pdf;
    case LimitClass::kModel: return model;
    case LimitClass::kClick: return click;
    case LimitClass::kToken: return token;
  }
  return kUnlimited;
}

RateLimiter::RateLimiter(RateLimits limits, Clock* clock)
    : limits_(std::move(limits)), clock_(*clock) {}

void RateLimiter::Refill(Bucket& bucket, const BucketRate& rate, Clock::TimePoint now) const {
  const double burst = std::max(1.0, rate.burst);
  if (bucket.tokens < 0) {
    bucket.tokens = burst;
  } else {
    const double minutes = std::chrono::duration<double, std::ratio<60>>(now - bucket.updated).count();
    bucket.tokens = std::min(burst, bucket.tokens + std::max(0.0, minutes) * rate.per_minute);
  }
  bucket.updated = now;
}

std::optional<std::chrono::seconds> RateLimiter::Take(std::string_view client, LimitClass limit) {
  const BucketRate& rate = limits_.For(limit);
  if (rate.per_minute <= 0) return std::nullopt;
  const Clock::TimePoint now = clock_.Now();
  MutexLock lock(&mutex_);
  auto found = clients_.find(std::string(client));
  if (found == clients_.end()) {
    if (clients_.size() >= limits_.max_clients) ForgetIdleClients(now);
    found = clients_.emplace(std::string(client), Buckets{}).first;
  }
  Bucket& bucket = found->second[static_cast<size_t>(limit)];
  Refill(bucket, rate, now);
  if (bucket.tokens >= 1) {
    bucket.tokens -= 1;
    return std::nullopt;
  }
  refusals_.fetch_add(1, std::memory_order_relaxed);
  const double seconds = (1 - bucket.tokens) * 60 / rate.per_minute;
  return std::chrono::seconds(std::max<int64_t>(1, static_cast<int64_t>(std::ceil(seconds))));
}

void RateLimiter::ForgetIdleClients(Clock::TimePoint now) {
  // How full a client's emptiest bucket is, 0..1: 1 is a client nobody would miss.
  std::vector<std::pair<double, const std::string*>> fullness;
  fullness.reserve(clients_.size());
  for (auto& [client, buckets] : clients_) {
    double least = 1;
    for (size_t i = 0; i < kLimitClassCount; ++i) {
      Bucket& bucket = buckets[i];
      if (bucket.tokens < 0) continue;
      const BucketRate& rate = limits_.For(static_cast<LimitClass>(i));
      Refill(bucket, rate, now);
      least = std::min(least, bucket.tokens / std::max(1.0, rate.burst));
    }
    fullness.emplace_back(least, &client);
  }
  // The fuller half goes (every full one at least): the clients serving a penalty stay, so
  // cycling through addresses cannot wipe a penalty.
  const auto middle = fullness.begin() + static_cast<std::ptrdiff_t>(fullness.size() / 2);
  std::nth_element(fullness.begin(), middle, fullness.end(), std::greater<>());
  std::vector<std::string> forget;
  for (const auto& [least, client] : fullness) {
    if (least >= 1 || least >= middle->first) forget.push_back(*client);
  }
  for (const std::string& client : forget) clients_.erase(client);
}

}  // namespace coolpapers::web
