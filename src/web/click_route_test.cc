#include "web/click_route.h"

#include <gtest/gtest.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "store/sqlite_venue_store.h"
#include "tests/support/temp_dir.h"
#include "tests/support/web_test_support.h"

namespace coolpapers::web {
namespace {

using nlohmann::json;
using testing::Day;

constexpr std::string_view kReader = "0123456789abcdef0123456789abcdef";

TEST(ParseReaderId, AcceptsTheCookieTheFrontEndMakes) {
  const struct {
    std::string value;
    bool valid;
  } kCases[] = {
      {std::string(kReader), true},
      {"abcdefghijklmnop", true},  // 16
      {std::string(64, 'Z'), true},
      {"A-b_C-d_0123456789", true},
      {"", false},
      {"abcdefghijklmno", false},  // 15
      {std::string(65, 'a'), false},
      {"0123456789abcdef0123456789abcde=", false},
      {"0123456789abcdef 0123456789abcdef", false},
      {"0123456789abcdef;x=1", false},
      {"0123456789abcdef\xc3\xa9", false},
      {"\"0123456789abcdef\"", false},
  };
  for (const auto& c : kCases) {
    Result<std::string_view> reader = ParseReaderId(c.value);
    EXPECT_EQ(reader.has_value(), c.valid) << c.value;
    if (reader) {
      EXPECT_EQ(*reader, c.value);
    } else {
      EXPECT_EQ(reader.error().code, ErrorCode::kInvalidArgument);
      EXPECT_NE(reader.error().message.find("coolpapers_reader cookie"), std::string::npos)
          << reader.error().message;
    }
  }
}

class ClickRouteTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = testing::OpenSampleStore(dir_.path());
    ASSERT_NE(store_, nullptr);
  }

  static Route ClickOn(std::string_view target) {
    Result<Route> route = ParseRoute(target);
    EXPECT_TRUE(route.has_value()) << target;
    return route.value_or(Route{});
  }

  coolpapers::testing::TempDir dir_;
  std::unique_ptr<store::Store> store_;
};

TEST_F(ClickRouteTest, CountsAClickAndAnswersThePapersCounts) {
  const Route pdf = ClickOn("/api/clicks/2505.00002v1?kind=pdf");
  Result<std::string> first = CountClickRoute(*store_, pdf, kReader, Day("2025-05-14"));
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_EQ(json::parse(*first), json::parse(R"({"id":"2505.00002","pdf":1,"faq":0})"));
  Result<std::string> again = CountClickRoute(*store_, pdf, kReader, Day("2025-05-14"));
  ASSERT_TRUE(again);
  EXPECT_EQ(json::parse(*again)["pdf"], 1);
  Result<std::string> faq = CountClickRoute(*store_, ClickOn("/api/clicks/2505.00002?kind=faq"),
                                            kReader, Day("2025-05-14"));
  ASSERT_TRUE(faq);
  EXPECT_EQ(json::parse(*faq), json::parse(R"({"id":"2505.00002","pdf":1,"faq":1})"));
}

TEST_F(ClickRouteTest, RefusesClicksThatNameNoSinglePaperKindOrReader) {
  const struct {
    std::string target;
    std::string reader;
    ErrorCode code;
    std::string message_part;
  } kCases[] = {
      {"/api/clicks/2505.00002,2505.00003?kind=pdf", std::string(kReader),
       ErrorCode::kInvalidArgument, "expected exactly one"},
      {"/api/clicks/2505.00002", std::string(kReader), ErrorCode::kInvalidArgument,
       "expected kind=pdf or kind=faq"},
      {"/api/clicks/2505.00002?kind=pdf", "", ErrorCode::kInvalidArgument,
       "no coolpapers_reader cookie"},
      {"/api/clicks/2505.00002?kind=pdf", "short", ErrorCode::kInvalidArgument,
       "invalid coolpapers_reader cookie \"short\""},
      {"/api/clicks/2401.99999?kind=pdf", std::string(kReader), ErrorCode::kNotFound,
       "no paper \"2401.99999\""},
  };
  for (const auto& c : kCases) {
    Result<std::string> body =
        CountClickRoute(*store_, ClickOn(c.target), c.reader, Day("2025-05-14"));
    ASSERT_FALSE(body.has_value()) << c.target << " gave " << *body;
    EXPECT_EQ(body.error().code, c.code) << c.target;
    EXPECT_NE(body.error().message.find(c.message_part), std::string::npos)
        << c.target << ": " << body.error().message;
  }
  Result<std::string> counts = RenderClickCountsRoute(*store_, ClickOn("/api/clicks/2505.00002"));
  ASSERT_TRUE(counts);
  EXPECT_EQ(*counts, R"({"counts":{}})");
}

TEST_F(ClickRouteTest, ReadsCountsOfClickedPapersOnly) {
  ASSERT_TRUE(store_->AddClick("2505.00003", store::ClickKind::kFaq, kReader, Day("2025-05-14")));
  ASSERT_TRUE(store_->AddClick("2505.00003", store::ClickKind::kFaq, "another-reader-0001",
                               Day("2025-05-14")));
  Result<std::string> counts =
      RenderClickCountsRoute(*store_, ClickOn("/api/clicks/2505.00002,2505.00003,2401.99999"));
  ASSERT_TRUE(counts) << counts.error().message;
  EXPECT_EQ(json::parse(*counts), json::parse(R"({"counts":{"2505.00003":{"pdf":0,"faq":2}}})"));
}

// Issue #14: venue cards count their [PDF] and [FAQ] clicks too, by the id they are shown by
// ("@" plain or as %40), and read them beside arXiv papers' in one request.
TEST_F(ClickRouteTest, CountsAndReadsVenuePapersClicks) {
  auto venues = store::OpenSqliteVenueStore(dir_.path() / "coolpapers.sqlite");
  ASSERT_TRUE(venues) << venues.error().message;
  ASSERT_TRUE((*venues)->WriteEdition(ParseEditionTag("NAACL.2024").value()));
  VenuePaper paper;
  paper.id = ParseVenuePaperId("2024.naacl-long.431@ACL").value();
  paper.edition = "NAACL.2024";
  paper.title = "Naive Bayes-based Context Extension for Large Language Models";
  ASSERT_TRUE((*venues)->WriteVenuePapers(std::vector<VenuePaper>{paper}));

  const Route faq = ClickOn("/api/clicks/2024.naacl-long.431%40ACL?kind=faq");
  Result<std::string> first = CountClickRoute(*store_, faq, kReader, Day("2025-05-14"));
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_EQ(json::parse(*first),
            json::parse(R"({"id":"2024.naacl-long.431@ACL","pdf":0,"faq":1})"));
  Result<std::string> again = CountClickRoute(*store_, faq, kReader, Day("2025-05-14"));
  ASSERT_TRUE(again);
  EXPECT_EQ(json::parse(*again)["faq"], 1) << "once per reader a day, as for arXiv";
  ASSERT_TRUE(CountClickRoute(*store_, ClickOn("/api/clicks/2024.naacl-long.431@ACL?kind=pdf"),
                              "another-reader-0001", Day("2025-05-14")));
  ASSERT_TRUE(store_->AddClick("2505.00003", store::ClickKind::kPdf, kReader, Day("2025-05-14")));

  Result<std::string> counts = RenderClickCountsRoute(
      *store_, ClickOn("/api/clicks/2505.00003,2024.naacl-long.431%40ACL,2024.naacl-long.9@ACL"));
  ASSERT_TRUE(counts) << counts.error().message;
  EXPECT_EQ(json::parse(*counts), json::parse(R"({"counts":{
      "2505.00003":{"pdf":1,"faq":0},"2024.naacl-long.431@ACL":{"pdf":1,"faq":1}}})"));

  Result<std::string> unknown = CountClickRoute(
      *store_, ClickOn("/api/clicks/2024.naacl-long.9@ACL?kind=pdf"), kReader, Day("2025-05-14"));
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, ErrorCode::kNotFound);
  Result<std::string> two = CountClickRoute(
      *store_, ClickOn("/api/clicks/2505.00003,2024.naacl-long.431@ACL?kind=pdf"), kReader,
      Day("2025-05-14"));
  ASSERT_FALSE(two);
  EXPECT_NE(two.error().message.find("expected exactly one"), std::string::npos);
  EXPECT_FALSE(ParseRoute("/api/clicks/x@Nowhere?kind=pdf"));
}

}  // namespace
}  // namespace coolpapers::web
