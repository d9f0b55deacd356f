#include "net/host_politeness.h"

#include <gtest/gtest.h>

#include <mutex>
#include <thread>
#include <vector>

#include "tests/support/fake_clock.h"

namespace coolpapers::net {
namespace {

using testing::FakeClock;

using std::chrono::milliseconds;

TEST(HostPoliteness, SpacesStartsToTheSameHost) {
  FakeClock clock;
  HostPoliteness politeness(clock);
  politeness.SetRule("export.arxiv.org", {milliseconds(3000), false});
  const auto begin = clock.Now();
  std::vector<Clock::TimePoint> starts;
  for (int i = 0; i < 3; ++i) {
    auto permit = politeness.Acquire("export.arxiv.org");
    starts.push_back(clock.Now());
  }
  EXPECT_EQ(starts[0] - begin, milliseconds(0));
  EXPECT_EQ(starts[1] - begin, milliseconds(3000));
  EXPECT_EQ(starts[2] - begin, milliseconds(6000));
}

TEST(HostPoliteness, LeavesOtherHostsAlone) {
  FakeClock clock;
  HostPoliteness politeness(clock);
  politeness.SetRule("export.arxiv.org", {milliseconds(3000), false});
  const auto begin = clock.Now();
  { auto permit = politeness.Acquire("export.arxiv.org"); }
  { auto permit = politeness.Acquire("rss.arxiv.org"); }
  { auto permit = politeness.Acquire("api.example.org"); }
  EXPECT_EQ(clock.Now() - begin, milliseconds(0));
}

TEST(HostPoliteness, HoldsOneConnectionForSingleConnectionHosts) {
  HostPoliteness politeness(RealClock());
  politeness.SetRule("oaipmh.arxiv.org", {milliseconds(0), true});
  std::mutex mutex;
  int in_flight = 0;
  int most_in_flight = 0;
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i) {
    threads.emplace_back([&] {
      for (int j = 0; j < 20; ++j) {
        auto permit = politeness.Acquire("oaipmh.arxiv.org");
        {
          std::lock_guard lock(mutex);
          most_in_flight = std::max(most_in_flight, ++in_flight);
        }
        std::this_thread::yield();
        std::lock_guard lock(mutex);
        --in_flight;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(most_in_flight, 1);
}

TEST(HostPoliteness, PermitReleaseIsIdempotentAndMovable) {
  HostPoliteness politeness(RealClock());
  politeness.SetRule("a.example", {milliseconds(0), true});
  auto first = politeness.Acquire("a.example");
  HostPoliteness::Permit moved = std::move(first);
  moved.Release();
  moved.Release();
  auto second = politeness.Acquire("a.example");  // would block forever if still held
  SUCCEED();
}

TEST(HostOf, ExtractsTheLowerCaseHost) {
  struct Case {
    const char* url;
    const char* host;
  };
  const Case cases[] = {
      {"https://export.arxiv.org/api/query?id_list=1", "export.arxiv.org"},
      {"http://Export.ArXiv.org:8080/oai2", "export.arxiv.org"},
      {"http://127.0.0.1:4000", "127.0.0.1"},
      {"https://user:pw@rss.arxiv.org/atom/cs.AI", "rss.arxiv.org"},
      {"http://[::1]:80/x", "[::1]"},
      {"not a url", ""},
  };
  for (const Case& c : cases) EXPECT_EQ(HostOf(c.url), c.host) << c.url;
}

}  // namespace
}  // namespace coolpapers::net
