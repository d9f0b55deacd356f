// Issue #18 findings 1 and 7 at the site: the route table's buckets, the 429 a reader reads, the
// admin token, trusted proxies, and click counts one address cannot inflate.
#include <chrono>
#include <memory>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/support/fake_clock.h"
#include "tests/support/temp_dir.h"
#include "tests/support/web_test_support.h"
#include "web/site.h"

namespace coolpapers::web {
namespace {

using ::testing::HasSubstr;
using testing::Day;

class SiteLimitsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = testing::OpenSampleStore(dir_.path());
    ASSERT_NE(store_, nullptr);
    SiteOptions options;
    options.limits.search = {.per_minute = 6, .burst = 2};
    options.limits.render = {.per_minute = 6, .burst = 2};
    options.limits.click = {.per_minute = 600, .burst = 600};
    options.limits.trusted_proxies = {"127.0.0.1"};
    SiteServices services;
    services.clock = &clock_;
    services.admin_token = "magic-token-0123456789";
    services.model_budget_spent = [this] { return budget_spent_; };
    site_ = std::make_unique<Site>(*store_, options, std::move(services));
  }

  Response Send(std::string_view target, std::string_view peer = "203.0.113.7",
                std::string_view forwarded_for = "", std::string_view method = "GET",
                std::string_view cookie = "") {
    Request request{method, target};
    request.peer = peer;
    request.forwarded_for = forwarded_for;
    request.cookie = cookie;
    return site_->Handle(request);
  }

  bool budget_spent_ = false;
  coolpapers::testing::FakeClock clock_{Day("2025-05-14").days()};
  coolpapers::testing::TempDir dir_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<Site> site_;
};

TEST_F(SiteLimitsTest, SearchesPastTheBucketGet429WithRetryAfterAndAReadableMessage) {
  EXPECT_NE(Send("/arxiv/search?query=a").status, 429);
  EXPECT_NE(Send("/arxiv/search?query=b").status, 429);
  const Response page = Send("/arxiv/search?query=c");
  EXPECT_EQ(page.status, 429);
  EXPECT_EQ(page.content_type, kHtmlType);
  EXPECT_EQ(page.Header("Retry-After"), "10");
  EXPECT_THAT(*page.body, HasSubstr("Too many searches from your address"));
  EXPECT_THAT(*page.body, HasSubstr("Please wait 10 seconds and try again."));
  const Response api = Send("/api/search?query=d");
  EXPECT_EQ(api.status, 429);
  EXPECT_EQ(api.content_type, kJsonType);
  EXPECT_THAT(*api.body, HasSubstr(R"("code":"rate_limited")"));
  // Sent a second late (RateLimits::refusal_hold), so a client that does not wait sends few.
  EXPECT_EQ(page.hold, std::chrono::seconds(1));
  EXPECT_EQ(api.hold, std::chrono::seconds(1));
  EXPECT_EQ(Send("/arxiv/search?query=b", "203.0.113.8").hold, std::chrono::seconds(0));
  // Not to a trusted proxy, whose connections carry other readers too.
  EXPECT_NE(Send("/arxiv/search?query=f", "127.0.0.1", "198.51.100.4").status, 429);
  EXPECT_NE(Send("/arxiv/search?query=g", "127.0.0.1", "198.51.100.4").status, 429);
  const Response proxied = Send("/arxiv/search?query=h", "127.0.0.1", "198.51.100.4");
  EXPECT_EQ(proxied.status, 429);
  EXPECT_EQ(proxied.hold, std::chrono::seconds(0));
  clock_.Advance(std::chrono::seconds(10));
  EXPECT_NE(Send("/arxiv/search?query=e").status, 429);
}

// A crawler walking the lists gets cached pages for free and 429s for fresh renders.
TEST_F(SiteLimitsTest, CachedPagesAreFreeAndFreshRendersPay) {
  ASSERT_EQ(Send("/arxiv/cs.CL?date=2025-05-14").status, 200);
  site_->cache().WaitForCompression();
  for (int i = 0; i < 20; ++i) EXPECT_EQ(Send("/arxiv/cs.CL?date=2025-05-14").status, 200) << i;
  EXPECT_EQ(Send("/arxiv/cs.CL?date=2025-05-15").status, 200);
  EXPECT_EQ(Send("/arxiv/cs.CL?date=2025-05-16").status, 429);
  EXPECT_EQ(Send("/healthz").status, 200);  // free
}

TEST_F(SiteLimitsTest, TheAdminTokenIsExempt) {
  for (int i = 0; i < 10; ++i) {
    EXPECT_NE(Send("/arxiv/search?query=x" + std::to_string(i), "203.0.113.7", "", "GET",
                   "coolpapers_token=magic-token-0123456789")
                  .status,
              429)
        << i;
  }
}

TEST_F(SiteLimitsTest, ForwardedForCountsOnlyFromATrustedProxy) {
  // From a trusted proxy, each forwarded client has its own bucket.
  for (const char* client : {"198.51.100.1", "198.51.100.2", "198.51.100.3"}) {
    EXPECT_NE(Send("/arxiv/search?query=a", "127.0.0.1", client).status, 429) << client;
    EXPECT_NE(Send("/arxiv/search?query=b", "127.0.0.1", client).status, 429) << client;
    EXPECT_EQ(Send("/arxiv/search?query=c", "127.0.0.1", client).status, 429) << client;
  }
  // A stranger making the header up is still one client.
  EXPECT_NE(Send("/arxiv/search?query=a", "203.0.113.9", "1.1.1.1").status, 429);
  EXPECT_NE(Send("/arxiv/search?query=b", "203.0.113.9", "2.2.2.2").status, 429);
  EXPECT_EQ(Send("/arxiv/search?query=c", "203.0.113.9", "3.3.3.3").status, 429);
}

// Finding 7: 200 POSTs with made-up reader cookies made {"pdf":200}; one address now counts at
// most 3 readers per paper, kind and day, and the rest are answered with the counts unchanged.
TEST_F(SiteLimitsTest, MadeUpReaderCookiesCannotInflateClickCounts) {
  std::string last;
  for (int i = 0; i < 200; ++i) {
    const std::string cookie = "coolpapers_reader=madeupreader" + std::to_string(10000 + i);
    const Response response =
        Send("/api/clicks/2505.00002?kind=pdf", "203.0.113.7", "", "POST", cookie);
    ASSERT_EQ(response.status, 200) << i;
    last = *response.body;
  }
  EXPECT_EQ(nlohmann::json::parse(last)["pdf"], 3);
  // Another address still counts, and GET reads freely.
  const Response other = Send("/api/clicks/2505.00002?kind=pdf", "198.51.100.1", "", "POST",
                              "coolpapers_reader=anotherreader00001");
  EXPECT_EQ(nlohmann::json::parse(*other.body)["pdf"], 4);
  clock_.Advance(std::chrono::days(1));
  const Response tomorrow = Send("/api/clicks/2505.00002?kind=pdf", "203.0.113.7", "", "POST",
                                 "coolpapers_reader=madeupreader10000");
  EXPECT_EQ(nlohmann::json::parse(*tomorrow.body)["pdf"], 5);
}

// Guessing the magic token costs a token of its own bucket (5 a minute by default): the sixth
// wrong guess in a row is refused before it is compared, and a reader who already holds the
// token (the cookie) is exempt like everywhere else.
TEST_F(SiteLimitsTest, MagicTokenGuessesPastTheBucketGet429WithRetryAfter) {
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(Send("/api/token", "203.0.113.7", "", "POST").status, 200) << i;  // empty: forget
  }
  const Response refused = Send("/api/token", "203.0.113.7", "", "POST");
  EXPECT_EQ(refused.status, 429);
  EXPECT_EQ(refused.content_type, kJsonType);
  EXPECT_EQ(refused.Header("Retry-After"), "12");  // one token back at 5 a minute
  EXPECT_THAT(*refused.body, HasSubstr("Too many magic token attempts from your address"));
  EXPECT_EQ(Send("/api/token").status, 200);  // asking whether one is admin stays free
  EXPECT_NE(Send("/api/token", "198.51.100.1", "", "POST").status, 429);  // another address
  EXPECT_NE(Send("/api/token", "203.0.113.7", "", "POST",
                 "coolpapers_token=magic-token-0123456789")
                .status,
            429);
  clock_.Advance(std::chrono::seconds(12));
  EXPECT_NE(Send("/api/token", "203.0.113.7", "", "POST").status, 429);
}

// A target that does not parse costs a render's token: a flood of hostile paths (a 15 KB
// category expression, refused in microseconds) runs out of them and gets held 429s.
TEST_F(SiteLimitsTest, TargetsThatDoNotParseCostARendersToken) {
  const std::string hostile = "/arxiv/" + std::string(20'000, '-');
  EXPECT_EQ(Send(hostile).status, 400);
  EXPECT_EQ(Send(hostile).status, 400);
  const Response refused = Send(hostile);
  EXPECT_EQ(refused.status, 429);
  EXPECT_EQ(refused.hold, std::chrono::seconds(1));
  EXPECT_THAT(*refused.body, HasSubstr("Too many"));
  EXPECT_EQ(Send(hostile, "203.0.113.8").status, 400);  // another client has its own tokens
  EXPECT_EQ(Send(hostile, "203.0.113.7", "", "GET", "coolpapers_token=magic-token-0123456789")
                .status,
            400);  // admins are exempt
}

// Finding 1: once the day's model budget is spent, FAQ and translation requests are told so
// at once (429 until 00:00 UTC), admins too; reading what exists goes on.
TEST_F(SiteLimitsTest, ASpentModelBudgetRefusesModelRequestsUntilMidnight) {
  clock_.Advance(std::chrono::hours(20));
  EXPECT_NE(Send("/api/faq/2505.00002", "203.0.113.7", "", "POST").status, 429);
  budget_spent_ = true;
  for (const char* cookie : {"", "coolpapers_token=magic-token-0123456789"}) {
    const Response faq = Send("/api/faq/2505.00002", "203.0.113.7", "", "POST", cookie);
    EXPECT_EQ(faq.status, 429);
    EXPECT_EQ(faq.content_type, kJsonType);
    EXPECT_EQ(faq.Header("Retry-After"), "14400");  // 20:00 UTC: 4 hours to go
    EXPECT_THAT(*faq.body, HasSubstr("Today's budget of model answers is spent"));
    EXPECT_EQ(faq.hold, std::chrono::seconds(1));
    EXPECT_EQ(Send("/api/translations/2505.00002", "203.0.113.7", "", "POST", cookie).status, 429);
  }
  EXPECT_NE(Send("/api/faq/2505.00002").status, 429);
}

}  // namespace
}  // namespace coolpapers::web
