// The one retry policy for outbound requests: which outcomes are worth another attempt and how
// long to wait first. Pure functions, so the policy is tested without a network or a clock.
#ifndef COOLPAPERS_NET_RETRY_POLICY_H_
#define COOLPAPERS_NET_RETRY_POLICY_H_

#include <chrono>
#include <optional>
#include <string_view>

#include "core/error.h"
#include "net/http_client.h"

namespace coolpapers::net {

struct RetryOptions {
  int max_attempts = 5;  // attempts in all, the first included
  std::chrono::milliseconds initial_backoff{2'000};
  std::chrono::milliseconds max_backoff{120'000};
  // The share of each backoff that is randomised: 0.5 waits between 50% and 100% of it, so
  // callers that failed together do not retry together.
  double jitter = 0.5;
  // A Retry-After longer than this gives up instead of waiting (a misconfigured server).
  std::chrono::milliseconds max_retry_after{600'000};
};

// Whether an outcome can succeed later: timeouts, connection failures (kUnavailable), 429 and
// 5xx. Other statuses, including every other 4xx, and other errors are final.
bool IsRetryable(const Result<HttpResponse>& outcome);

// Reads a Retry-After value: delta seconds ("120") or an HTTP-date
// ("Wed, 21 Oct 2015 07:28:00 GMT", read against `now`; a past date is zero).
// std::nullopt for anything else.
std::optional<std::chrono::milliseconds> ParseRetryAfter(std::string_view value,
                                                         std::chrono::system_clock::time_point now);

// Decides what to do after attempt number `attempt` (1 for the first) ended with `outcome`:
// std::nullopt to stop (success, a final outcome, attempts exhausted, or a Retry-After beyond
// max_retry_after), otherwise the delay before the next attempt. The delay is the server's
// Retry-After when it sent one, else initial_backoff * 2^(attempt-1) capped at max_backoff, with
// `random_unit` in [0, 1) choosing where in the jitter range it falls. Pure; thread-safe.
std::optional<std::chrono::milliseconds> DecideRetry(const RetryOptions& options, int attempt,
                                                     const Result<HttpResponse>& outcome,
                                                     double random_unit,
                                                     std::chrono::system_clock::time_point now);

}  // namespace coolpapers::net

#endif  // COOLPAPERS_NET_RETRY_POLICY_H_
