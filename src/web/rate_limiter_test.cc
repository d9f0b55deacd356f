#include "web/rate_limiter.h"

#include <chrono>
#include <optional>
#include <string>

#include <gtest/gtest.h>

#include "tests/support/fake_clock.h"

namespace coolpapers::web {
namespace {

using std::chrono::seconds;

RateLimits SearchOnly(double per_minute, double burst) {
  RateLimits limits;
  limits.search = {.per_minute = per_minute, .burst = burst};
  return limits;
}

TEST(RateLimiter, GrantsTheBurstThenRefusesUntilATokenRefills) {
  testing::FakeClock clock;
  RateLimiter limiter(SearchOnly(30, 3), &clock);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(limiter.Take("a", LimitClass::kSearch), std::nullopt) << i;
  EXPECT_EQ(limiter.Take("a", LimitClass::kSearch), seconds(2));  // 30 a minute: one per 2 s
  EXPECT_EQ(limiter.refusals(), 1u);
  clock.Advance(seconds(1));
  EXPECT_EQ(limiter.Take("a", LimitClass::kSearch), seconds(1));
  clock.Advance(seconds(1));
  EXPECT_EQ(limiter.Take("a", LimitClass::kSearch), std::nullopt);
  EXPECT_EQ(limiter.Take("a", LimitClass::kSearch), seconds(2));
}

TEST(RateLimiter, KeepsClientsAndBucketsApart) {
  testing::FakeClock clock;
  RateLimiter limiter(SearchOnly(1, 1), &clock);
  EXPECT_EQ(limiter.Take("a", LimitClass::kSearch), std::nullopt);
  EXPECT_NE(limiter.Take("a", LimitClass::kSearch), std::nullopt);
  EXPECT_EQ(limiter.Take("b", LimitClass::kSearch), std::nullopt);
  EXPECT_EQ(limiter.Take("a", LimitClass::kPdf), std::nullopt);
  for (int i = 0; i < 1000; ++i) EXPECT_EQ(limiter.Take("a", LimitClass::kNone), std::nullopt);
}

TEST(RateLimiter, ARateOfZeroIsNoLimit) {
  testing::FakeClock clock;
  RateLimiter limiter(SearchOnly(0, 1), &clock);
  for (int i = 0; i < 100; ++i) EXPECT_EQ(limiter.Take("a", LimitClass::kSearch), std::nullopt);
}

// A stranger cycling through addresses must not grow the server, nor wipe its own penalty:
// past max_clients the fullest buckets are forgotten, and a client serving a penalty is kept.
TEST(RateLimiter, RemembersAtMostMaxClientsAndKeepsThePenalised) {
  testing::FakeClock clock;
  RateLimits limits = SearchOnly(1, 5);
  limits.max_clients = 10;
  RateLimiter limiter(limits, &clock);
  for (int i = 0; i < 5; ++i) EXPECT_EQ(limiter.Take("held", LimitClass::kSearch), std::nullopt);
  for (int i = 0; i < 100; ++i) {
    EXPECT_EQ(limiter.Take("client" + std::to_string(i), LimitClass::kSearch), std::nullopt);
    clock.Advance(std::chrono::milliseconds(100));
  }
  // 10 s later "held" has a sixth of a token: refused, so it was remembered.
  EXPECT_NE(limiter.Take("held", LimitClass::kSearch), std::nullopt);
}

}  // namespace
}  // namespace coolpapers::web
