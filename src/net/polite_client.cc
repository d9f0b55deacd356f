#include "net/polite_client.h"

#include <utility>

namespace coolpapers::net {

PoliteClient::PoliteClient(HttpClient& inner, HostPoliteness& politeness, RetryOptions options,
                           Clock& clock, RandomUnit random_unit)
    : inner_(inner),
      politeness_(politeness),
      options_(options),
      clock_(clock),
      random_unit_(std::move(random_unit)),
      engine_(std::random_device{}()) {}

double PoliteClient::NextRandom() {
  if (random_unit_) return random_unit_();
  MutexLock lock(&random_mutex_);
  return std::uniform_real_distribution<double>(0.0, 1.0)(engine_);
}

Result<HttpResponse> PoliteClient::Get(const std::string& url) { return Send(HttpRequest{url, {}, std::nullopt}); }

Result<HttpResponse> PoliteClient::Send(const HttpRequest& request) {
  const std::string& url = request.url;
  const std::string host = HostOf(url);
  for (int attempt = 1;; ++attempt) {
    Result<HttpResponse> outcome = [&] {
      HostPoliteness::Permit permit = politeness_.Acquire(host);
      return inner_.Send(request);
    }();
    if (outcome && !IsRetryable(outcome)) return outcome;
    auto delay = DecideRetry(options_, attempt, outcome, NextRandom(), clock_.WallNow());
    if (!delay) {
      const std::string tries = " after " + std::to_string(attempt) + " attempt(s)";
      if (!outcome) {
        Error error = std::move(outcome.error());
        error.message += tries;
        return std::unexpected(std::move(error));
      }
      if (!IsRetryable(outcome)) return outcome;
      return Fail(
          ErrorCode::kUnavailable,
          host + " answered HTTP " + std::to_string(outcome->status) + " for " + url + tries,
          "retry-after: " + std::string(outcome->Header("retry-after")));
    }
    clock_.SleepUntil(clock_.Now() + *delay);
  }
}

}  // namespace coolpapers::net
