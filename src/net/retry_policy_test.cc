#include "net/retry_policy.h"

#include <gtest/gtest.h>

#include <chrono>
#include <optional>

namespace coolpapers::net {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

// 2015-10-21T07:28:00Z, the moment of the RFC's example HTTP-date.
const std::chrono::system_clock::time_point kNow =
    std::chrono::sys_days(std::chrono::year(2015) / 10 / 21) + std::chrono::hours(7) +
    std::chrono::minutes(28);

Result<HttpResponse> Status(int status, std::string retry_after = {}) {
  HttpResponse response;
  response.status = status;
  if (!retry_after.empty()) response.headers["retry-after"] = retry_after;
  return response;
}

Result<HttpResponse> Failure(ErrorCode code) { return Fail(code, "failed"); }

TEST(DecideRetry, FollowsThePolicyTable) {
  RetryOptions options;
  options.max_attempts = 4;
  options.initial_backoff = milliseconds(1000);
  options.max_backoff = milliseconds(3000);
  options.jitter = 0.5;
  options.max_retry_after = milliseconds(60'000);
  struct Case {
    const char* name;
    int attempt;
    Result<HttpResponse> outcome;
    double random_unit;
    std::optional<milliseconds> expected;
  };
  const Case cases[] = {
      {"200 is final", 1, Status(200), 0.0, std::nullopt},
      {"404 fails fast", 1, Status(404), 0.0, std::nullopt},
      {"400 fails fast", 1, Status(400), 0.0, std::nullopt},
      {"503 backs off, low jitter", 1, Status(503), 0.0, milliseconds(500)},
      {"503 backs off, high jitter", 1, Status(503), 1.0, milliseconds(1000)},
      {"backoff doubles", 2, Status(500), 1.0, milliseconds(2000)},
      {"backoff is capped", 3, Status(502), 1.0, milliseconds(3000)},
      {"attempts run out", 4, Status(503), 0.0, std::nullopt},
      {"429 retries", 1, Status(429), 1.0, milliseconds(1000)},
      {"Retry-After seconds wins", 1, Status(503, "7"), 0.0, milliseconds(7000)},
      {"Retry-After HTTP-date", 1, Status(503, "Wed, 21 Oct 2015 07:28:30 GMT"), 0.0,
       milliseconds(30'000)},
      {"Retry-After in the past is now", 1, Status(503, "Wed, 21 Oct 2015 07:00:00 GMT"), 0.0,
       milliseconds(0)},
      {"Retry-After too long gives up", 1, Status(503, "3600"), 0.0, std::nullopt},
      {"garbled Retry-After backs off", 1, Status(503, "soon"), 1.0, milliseconds(1000)},
      {"timeout retries", 1, Failure(ErrorCode::kTimeout), 1.0, milliseconds(1000)},
      {"reset retries", 2, Failure(ErrorCode::kUnavailable), 1.0, milliseconds(2000)},
      {"bad URL is final", 1, Failure(ErrorCode::kInvalidArgument), 0.0, std::nullopt},
      {"bad encoding is final", 1, Failure(ErrorCode::kCorrupt), 0.0, std::nullopt},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(DecideRetry(options, c.attempt, c.outcome, c.random_unit, kNow), c.expected)
        << c.name;
  }
}

TEST(ParseRetryAfter, ReadsSecondsAndHttpDates) {
  EXPECT_EQ(ParseRetryAfter("120", kNow), milliseconds(120'000));
  EXPECT_EQ(ParseRetryAfter(" 0 ", kNow), milliseconds(0));
  EXPECT_EQ(ParseRetryAfter("Wed, 21 Oct 2015 07:29:00 GMT", kNow), milliseconds(60'000));
  EXPECT_EQ(ParseRetryAfter("", kNow), std::nullopt);
  EXPECT_EQ(ParseRetryAfter("-5", kNow), std::nullopt);
  EXPECT_EQ(ParseRetryAfter("tomorrow", kNow), std::nullopt);
}

}  // namespace
}  // namespace coolpapers::net
