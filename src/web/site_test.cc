#include "web/site.h"

#include <chrono>
#include <string>
#include <thread>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/support/fake_clock.h"
#include "tests/support/temp_dir.h"
#include "tests/support/web_test_support.h"
#include "web/route_context.h"

namespace coolpapers::web {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using testing::Day;
using testing::Gunzip;

class SiteTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = testing::OpenSampleStore(dir_.path());
    ASSERT_NE(store_, nullptr);
    SiteOptions options;
    options.change_poll = std::chrono::milliseconds(5);
    site_ = std::make_unique<Site>(*store_, options, Services());
  }

  // What the site under test is given; none by default.
  virtual SiteServices Services() { return {}; }

  Response Get(std::string_view target, bool gzip = false, std::string_view method = "GET") {
    return site_->Handle(Request{method, target, gzip});
  }

  coolpapers::testing::TempDir dir_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<Site> site_;
};

// The frame a site is constructed with reaches its every page, error pages too (#13: it was a
// process-wide setting); a site without one renders the default.
TEST(SiteFrame, ReachesEveryPageIncludingErrors) {
  coolpapers::testing::TempDir dir;
  const std::unique_ptr<store::Store> store = testing::OpenSampleStore(dir.path());
  ASSERT_NE(store, nullptr);
  SiteOptions options;
  options.frame = {
      .faq_label = "Kimi", .feedback_url = "https://example.org/feedback", .translation = true};
  Site site(*store, options);
  for (const char* target :
       {"/", "/arxiv/cs.CL", "/arxiv/2401.99999", "/arxiv/search?query=x", "/nowhere"}) {
    const Response response = site.Handle(Request{"GET", target, false});
    EXPECT_EQ(response.content_type, kHtmlType) << target;
    EXPECT_THAT(*response.body,
                HasSubstr("<body id=\"arxiv\" data-faq-label=\"Kimi\" "
                          "data-feedback-url=\"https://example.org/feedback\" "
                          "data-translation=\"zh\">\n"))
        << target;
  }
  Site plain(*store);
  EXPECT_THAT(*plain.Handle(Request{"GET", "/", false}).body,
              HasSubstr("<body id=\"arxiv\" data-faq-label=\"FAQ\">\n"));
}

TEST_F(SiteTest, ServesTheHomePage) {
  const Response response = Get("/");
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.content_type, kHtmlType);
  EXPECT_THAT(*response.body, HasSubstr("<a class=\"day\" href=\"/arxiv/cs.CL?date=2025-05-16\">"));
}

// Issue #18 finding 10: no answer may be sniffed, framed by another site or leak full URLs.
TEST_F(SiteTest, EveryAnswerCarriesTheSecurityHeaders) {
  for (const std::string_view target :
       {"/", "/arxiv/cs.CL", "/api/arxiv/2505.00001", "/no/such/page", "/robots.txt"}) {
    const Response response = Get(target);
    EXPECT_EQ(response.Header("X-Content-Type-Options"), "nosniff") << target;
    EXPECT_EQ(response.Header("Referrer-Policy"), "strict-origin-when-cross-origin") << target;
    EXPECT_EQ(response.Header("Content-Security-Policy"), "frame-ancestors 'self'") << target;
  }
}

// Issue #18 finding 10: /robots.txt was a 404; crawlers are kept off what costs work per request.
TEST_F(SiteTest, RobotsTxtKeepsCrawlersOffCostlyRoutes) {
  const Response response = Get("/robots.txt");
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.content_type, kTextType);
  EXPECT_THAT(*response.body, ::testing::StartsWith("User-agent: *\n"));
  for (const char* costly : {"Disallow: /api/\n", "Disallow: /pdf/\n", "Disallow: /arxiv/search\n"}) {
    EXPECT_THAT(*response.body, ::testing::HasSubstr(costly));
  }
  EXPECT_THAT(*response.body, ::testing::Not(::testing::HasSubstr("Disallow: /arxiv/\n")));
}

// Issue #18 finding 10: a 503 said "try later" when translations are simply off here.
TEST_F(SiteTest, TranslationsOffAreA404SayingWhy) {
  for (std::string_view method : {"GET", "POST"}) {
    const Response response = Get("/api/translations/2401.06769", false, method);
    EXPECT_EQ(response.status, 404) << method;
    EXPECT_EQ(response.content_type, kJsonType);
    EXPECT_THAT(*response.body, ::testing::HasSubstr("translations are off"));
  }
}

TEST(SameSecret, MatchesOnlyTheWholeSecret) {
  EXPECT_TRUE(SameSecret("s3cret-token", "s3cret-token"));
  EXPECT_FALSE(SameSecret("s3cret-toke", "s3cret-token"));
  EXPECT_FALSE(SameSecret("s3cret-token!", "s3cret-token"));
  EXPECT_FALSE(SameSecret("S3cret-token", "s3cret-token"));
  EXPECT_FALSE(SameSecret("", "s3cret-token"));
  EXPECT_TRUE(SameSecret("", ""));
}

TEST_F(SiteTest, ServesADayListInOrderWithCacheHeaders) {
  const Response response = Get("/arxiv/cs.CL?date=2025-05-14");
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.Header("Cache-Control"), "max-age=60");
  EXPECT_EQ(response.Header("Vary"), "Accept-Encoding");
  const std::string& page = *response.body;
  EXPECT_THAT(page, HasSubstr("Total: 4"));
  const size_t first = page.find("id=\"2505.00002\"");
  const size_t second = page.find("id=\"2505.00003\"");
  const size_t third = page.find("id=\"2505.00005\"");
  const size_t fourth = page.find("id=\"2505.00004\"");
  ASSERT_NE(fourth, std::string::npos);
  EXPECT_LT(first, second);
  EXPECT_LT(second, third);
  EXPECT_LT(third, fourth);
  EXPECT_THAT(page, Not(HasSubstr("<script>alert")));
  EXPECT_THAT(page, Not(HasSubstr("<img")));
}

TEST_F(SiteTest, ServesTheNextSliceAsAFragment) {
  const Response response = Get("/arxiv/cs.CL?date=2025-05-14&skip=1&show=2&fragment=1");
  EXPECT_EQ(response.status, 200);
  EXPECT_THAT(*response.body, Not(HasSubstr("<html")));
  EXPECT_THAT(*response.body, HasSubstr(">#2</a>"));
  EXPECT_THAT(*response.body, HasSubstr(">#3</a>"));
  EXPECT_THAT(*response.body, HasSubstr("skip=3&amp;show=2"));
}

TEST_F(SiteTest, AnswersGzipOnceTheCachedPageIsCompressed) {
  const Response first = Get("/arxiv/cs.CL?date=2025-05-14", true);
  EXPECT_FALSE(first.gzipped);  // a miss answers at once, identity-encoded
  site_->cache().WaitForCompression();
  const Response second = Get("/arxiv/cs.CL?date=2025-05-14", true);
  ASSERT_TRUE(second.gzipped);
  EXPECT_EQ(Gunzip(*second.body), *first.body);
  const Response identity = Get("/arxiv/cs.CL?date=2025-05-14", false);
  EXPECT_FALSE(identity.gzipped);
  EXPECT_EQ(identity.body, first.body);  // the cached page itself, not a copy
}

TEST_F(SiteTest, ServesTheSameDataAsJson) {
  const Response response = Get("/api/arxiv/cs.CL?date=2025-05-14");
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.content_type, kJsonType);
  const nlohmann::json document = nlohmann::json::parse(*response.body);
  EXPECT_EQ(document["total"], 4);
  ASSERT_EQ(document["papers"].size(), 4u);
  EXPECT_EQ(document["papers"][0]["id"], "2505.00002");
  EXPECT_EQ(document["papers"][3]["id"], "2505.00004");
  EXPECT_EQ(document["papers"][3]["announce_type"], "cross");
  EXPECT_EQ(document["papers"][2]["title"], testing::HostilePaper().title);
}

TEST_F(SiteTest, ServesPaperPagesAndRedirectsVariants) {
  const Response page = Get("/arxiv/2505.00003");
  EXPECT_EQ(page.status, 200);
  EXPECT_THAT(*page.body, HasSubstr("<meta name=\"citation_arxiv_id\" content=\"2505.00003\">"));
  const Response moved = Get("/arxiv/2505.00003v1?x=1");
  EXPECT_EQ(moved.status, 301);
  EXPECT_EQ(moved.Header("Location"), "/arxiv/2505.00003?x=1");
  const Response several = Get("/api/arxiv/2505.00003,2505.00001");
  EXPECT_EQ(nlohmann::json::parse(*several.body)["papers"].size(), 2u);
}

TEST_F(SiteTest, AnswersBadInputWith4xxInTheRightFormat) {
  const struct {
    const char* target;
    int status;
    const char* body_part;
  } kCases[] = {
      {"/arxiv/2401.99999", 404, "no paper 2401.99999 in this store"},
      {"/api/arxiv/2401.99999", 404,
       R"({"error":{"code":"not_found","message":"no paper 2401.99999)"},
      {"/arxiv/cs.XX", 400, "unknown arXiv category"},
      {"/api/arxiv/cs.XX", 400, R"("code":"invalid_argument")"},
      {"/arxiv/cs.AI,,cs.CL", 400, "expected CAT, CAT,CAT or CAT+CAT-CAT"},
      {"/arxiv/cs.CL?date=2025-13-45", 400, "expected YYYY-MM-DD"},
      {"/arxiv/cs.CL?show=0", 400, "invalid show"},
      {"/arxiv/cs.CL?skip=x", 400, "invalid skip"},
      {"/arxiv/1406.0266x", 400, "invalid arXiv id"},
      {"/arxiv/cs.AR", 404, "no papers are listed in cs.AR yet"},
      {"/api/nothing", 404, R"("code":"not_found")"},
      {"/nothing", 404, "no page at"},
  };
  for (const auto& c : kCases) {
    const Response response = Get(c.target);
    EXPECT_EQ(response.status, c.status) << c.target;
    EXPECT_THAT(*response.body, HasSubstr(c.body_part)) << c.target;
    EXPECT_EQ(response.Header("Cache-Control"), "no-store") << c.target;
  }
}

TEST_F(SiteTest, RefusesMethodsOtherThanGetAndHead) {
  const Response response = Get("/arxiv/cs.CL", false, "POST");
  EXPECT_EQ(response.status, 405);
  EXPECT_EQ(response.Header("Allow"), "GET, HEAD");
  EXPECT_EQ(Get("/arxiv/cs.CL", false, "HEAD").status, 200);
}

TEST_F(SiteTest, ServesTheDaysWithDataOfAnExpression) {
  const Response response = Get("/api/days/cs.CL");
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.content_type, kJsonType);
  EXPECT_EQ(
      nlohmann::json::parse(*response.body),
      nlohmann::json::parse(R"({"expression":"cs.CL","days":["2025-05-13","2025-05-14","2025-05-16"]})"));
  const Response joined = Get("/api/days/cs.CL,cs.AI");
  EXPECT_EQ(joined.status, 200);
  EXPECT_EQ(nlohmann::json::parse(*joined.body)["expression"], "cs.AI,cs.CL");
  const Response empty = Get("/api/days/cs.AR");
  EXPECT_EQ(empty.status, 200);
  EXPECT_EQ(*empty.body, R"({"days":[],"expression":"cs.AR"})");
  const Response bad = Get("/api/days/cs.XX");
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.content_type, kJsonType);
  EXPECT_THAT(*bad.body, HasSubstr(R"("code":"invalid_argument")"));
  EXPECT_THAT(*bad.body, HasSubstr("unknown arXiv category"));
}

TEST_F(SiteTest, AcceptsPreferSortOnListsButNotOnSearch) {
  EXPECT_EQ(Get("/arxiv/cs.CL?date=2025-05-14&sort=prefer").status, 200);
  const Response search = Get("/api/search?query=x&sort=prefer");
  EXPECT_EQ(search.status, 400);
  EXPECT_THAT(*search.body, HasSubstr("search sorts by relevance, time or stars"));
}

class SiteClickTest : public SiteTest {
 protected:
  SiteServices Services() override {
    SiteServices services;
    services.clock = &clock_;
    return services;
  }

  Response Click(std::string_view target, std::string_view cookie,
                 std::string_view method = "POST") {
    Request request{method, target};
    request.cookie = cookie;
    return site_->Handle(request);
  }

  // 2025-05-14 00:00 UTC; moved a day forward before a request only.
  coolpapers::testing::FakeClock clock_{Day("2025-05-14").days()};
};

constexpr std::string_view kReaderOne = "a=1; coolpapers_reader=0123456789abcdef0123456789abcdef";
constexpr std::string_view kReaderTwo = "coolpapers_reader=fedcba9876543210fedcba9876543210";

TEST_F(SiteClickTest, CountsEachReaderOncePerPaperAndDay) {
  const auto pdf_count = [](const Response& response) {
    return nlohmann::json::parse(*response.body)["pdf"].get<int>();
  };
  const Response first = Click("/api/clicks/2505.00002?kind=pdf", kReaderOne);
  EXPECT_EQ(first.status, 200);
  EXPECT_EQ(first.content_type, kJsonType);
  EXPECT_EQ(first.Header("Cache-Control"), "no-store");
  EXPECT_EQ(*first.body, R"({"faq":0,"id":"2505.00002","pdf":1})");
  EXPECT_EQ(pdf_count(Click("/api/clicks/2505.00002?kind=pdf", kReaderOne)), 1);
  EXPECT_EQ(pdf_count(Click("/api/clicks/2505.00002v1?kind=pdf", kReaderTwo)), 2);
  clock_.Advance(std::chrono::days(1));
  EXPECT_EQ(pdf_count(Click("/api/clicks/2505.00002?kind=pdf", kReaderOne)), 3);
  const Response faq = Click("/api/clicks/2505.00003?kind=faq", kReaderOne);
  EXPECT_EQ(nlohmann::json::parse(*faq.body),
            nlohmann::json::parse(R"({"id":"2505.00003","pdf":0,"faq":1})"));

  const Response counts = Get("/api/clicks/2505.00001,2505.00002,2505.00003");
  EXPECT_EQ(counts.status, 200);
  EXPECT_EQ(counts.content_type, kJsonType);
  EXPECT_EQ(counts.Header("Cache-Control"), "no-store");
  EXPECT_EQ(nlohmann::json::parse(*counts.body),
            nlohmann::json::parse(R"({"counts":{"2505.00002":{"pdf":3,"faq":0},
                                                "2505.00003":{"pdf":0,"faq":1}}})"));
}

TEST_F(SiteClickTest, RefusesBadClicksWithJsonErrors) {
  const struct {
    std::string target;
    std::string_view cookie;
    int status;
    const char* body_part;
  } kCases[] = {
      {"/api/clicks/2505.00002?kind=pdf", "", 400, "no coolpapers_reader cookie"},
      {"/api/clicks/2505.00002?kind=pdf", "coolpapers_reader=short", 400,
       "invalid coolpapers_reader cookie"},
      {"/api/clicks/2505.00002?kind=pdf", "coolpapers_reader=0123456789abcdef0123456789abcde%", 400,
       "expected 16 to 64 of A-Z, a-z, 0-9, _ and -"},
      {"/api/clicks/2505.00002?kind=html", kReaderOne, 400, "expected pdf or faq"},
      {"/api/clicks/2505.00002", kReaderOne, 400, "expected kind=pdf or kind=faq"},
      {"/api/clicks/2505.00002,2505.00003?kind=pdf", kReaderOne, 400, "expected exactly one"},
      {"/api/clicks/2401.99999?kind=pdf", kReaderOne, 404, R"("code":"not_found")"},
      {"/api/clicks/nonsense?kind=pdf", kReaderOne, 400, "invalid arXiv id"},
  };
  for (const auto& c : kCases) {
    const Response response = Click(c.target, c.cookie);
    EXPECT_EQ(response.status, c.status) << c.target << " " << c.cookie;
    EXPECT_EQ(response.content_type, kJsonType) << c.target;
    EXPECT_THAT(*response.body, HasSubstr(c.body_part)) << c.target << " " << c.cookie;
  }
  EXPECT_EQ(*Get("/api/clicks/2505.00002").body, R"({"counts":{}})");
}

TEST_F(SiteClickTest, AllowsPostOnlyWhereARouteTakesIt) {
  const Response put = Click("/api/clicks/2505.00002?kind=pdf", kReaderOne, "PUT");
  EXPECT_EQ(put.status, 405);
  EXPECT_EQ(put.Header("Allow"), "GET, HEAD, POST");
  const Response post_days = Click("/api/days/cs.CL", kReaderOne);
  EXPECT_EQ(post_days.status, 405);
  EXPECT_EQ(post_days.Header("Allow"), "GET, HEAD");
  // A GET never counts, even with a kind.
  EXPECT_EQ(Click("/api/clicks/2505.00002?kind=pdf", kReaderOne, "GET").status, 200);
  EXPECT_EQ(*Get("/api/clicks/2505.00002").body, R"({"counts":{}})");
}

TEST_F(SiteTest, ReportsHealth) {
  const Response response = Get("/healthz");
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(*response.body, "ok 6 papers\n");
}

TEST_F(SiteTest, ShowsAnImportWithoutARestart) {
  EXPECT_THAT(*Get("/arxiv/cs.CL?date=2025-05-16").body, Not(HasSubstr("2505.00007")));
  const PaperRecord record =
      testing::ListedRecord(testing::SamplePaper("2505.00007"), Day("2025-05-16"), 2);
  ASSERT_TRUE(store_->WriteRecords({&record, 1}).has_value());
  // The watcher polls every 5 ms; the bound only keeps a broken invalidation from hanging.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (Get("/arxiv/cs.CL?date=2025-05-16").body->find("2505.00007") == std::string::npos &&
         std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  EXPECT_THAT(*Get("/arxiv/cs.CL?date=2025-05-16").body, HasSubstr("2505.00007"));
}


}  // namespace
}  // namespace coolpapers::web
