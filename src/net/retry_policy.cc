#include "net/retry_policy.h"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "core/announcement_calendar.h"
#include "core/backoff.h"

namespace coolpapers::net {

bool IsRetryable(const Result<HttpResponse>& outcome) {
  if (!outcome) {
    return outcome.error().code == ErrorCode::kTimeout ||
           outcome.error().code == ErrorCode::kUnavailable;
  }
  return outcome->status == 429 || (outcome->status >= 500 && outcome->status <= 599);
}

std::optional<std::chrono::milliseconds> ParseRetryAfter(
    std::string_view value, std::chrono::system_clock::time_point now) {
  while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
  while (!value.empty() && value.back() == ' ') value.remove_suffix(1);
  if (value.empty()) return std::nullopt;
  if (std::ranges::all_of(value, [](char c) { return c >= '0' && c <= '9'; })) {
    long long seconds = 0;
    auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), seconds);
    if (ec != std::errc() || end != value.data() + value.size()) return std::nullopt;
    return std::chrono::seconds(seconds);
  }
  // RFC 9110 section 10.2.3: an IMF-fixdate, the same shape as arXiv's RFC 2822 timestamps.
  auto when = ParseArxivTimestamp(value);
  if (!when) return std::nullopt;
  auto delta = std::chrono::duration_cast<std::chrono::milliseconds>(*when - now);
  return std::max(delta, std::chrono::milliseconds(0));
}

std::optional<std::chrono::milliseconds> DecideRetry(const RetryOptions& options, int attempt,
                                                     const Result<HttpResponse>& outcome,
                                                     double random_unit,
                                                     std::chrono::system_clock::time_point now) {
  if (!IsRetryable(outcome) || attempt >= options.max_attempts) return std::nullopt;
  if (outcome) {
    if (auto retry_after = ParseRetryAfter(outcome->Header("retry-after"), now)) {
      if (*retry_after > options.max_retry_after) return std::nullopt;
      return *retry_after;
    }
  }
  return JitteredBackoff({options.initial_backoff, options.max_backoff, options.jitter}, attempt,
                         random_unit);
}

}  // namespace coolpapers::net
