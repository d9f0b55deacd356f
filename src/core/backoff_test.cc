#include "core/backoff.h"

#include <gtest/gtest.h>

namespace coolpapers {
namespace {

using std::chrono::milliseconds;

TEST(JitteredBackoffTest, DoublesUpToTheCapWithinTheJitterRange) {
  const BackoffRule rule{milliseconds(100), milliseconds(1'000), 0.5};
  EXPECT_EQ(JitteredBackoff(rule, 1, 1.0), milliseconds(100));
  EXPECT_EQ(JitteredBackoff(rule, 1, 0.0), milliseconds(50));
  EXPECT_EQ(JitteredBackoff(rule, 3, 1.0), milliseconds(400));
  EXPECT_EQ(JitteredBackoff(rule, 5, 1.0), milliseconds(1'000));   // 1,600 capped
  EXPECT_EQ(JitteredBackoff(rule, 500, 0.0), milliseconds(500));   // no overflow
  EXPECT_EQ(JitteredBackoff(rule, 0, 1.0), milliseconds(100));     // treated as the first
}

TEST(JitteredBackoffTest, NoJitterIsExact) {
  const BackoffRule rule{milliseconds(10), milliseconds(1'000), 0.0};
  EXPECT_EQ(JitteredBackoff(rule, 2, 0.3), milliseconds(20));
}

}  // namespace
}  // namespace coolpapers
