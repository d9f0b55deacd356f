#include "web/api/api_json.h"

#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/support/web_test_support.h"

namespace coolpapers::web {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using nlohmann::json;
using testing::Day;
using testing::HostilePaper;
using testing::SamplePaper;

TEST(ListJson, CarriesTheDayAndEveryPaperField) {
  ListView view;
  view.expression = "cs.AI,cs.CL";
  view.day = Day("2025-05-14");
  view.total = 2;
  view.previous_day = Day("2025-05-13");
  Paper paper = SamplePaper("2505.09001", {"cs.CL", "cs.AI"});
  paper.version = 2;
  paper.doi = "10.1000/x";
  view.cards.push_back({paper, AnnounceType::kCross});

  const json document = json::parse(RenderListJson(view));
  EXPECT_EQ(document["expression"], "cs.AI,cs.CL");
  EXPECT_EQ(document["day"], "2025-05-14");
  EXPECT_EQ(document["total"], 2);
  EXPECT_EQ(document["skip"], 0);
  EXPECT_EQ(document["show"], 25);
  EXPECT_EQ(document["previous_day"], "2025-05-13");
  EXPECT_TRUE(document["next_day"].is_null());
  ASSERT_EQ(document["papers"].size(), 1u);
  const json& p = document["papers"][0];
  EXPECT_EQ(p["id"], "2505.09001");
  EXPECT_EQ(p["version"], 2);
  EXPECT_EQ(p["title"], "Paper 2505.09001");
  EXPECT_EQ(p["authors"], json({"Ada Lovelace", "Charles Babbage"}));
  EXPECT_EQ(p["abstract"], "We study $x^2$ on 2505.09001.");
  EXPECT_EQ(p["categories"], json({"cs.CL", "cs.AI"}));
  EXPECT_EQ(p["primary_category"], "cs.CL");
  EXPECT_EQ(p["announce_type"], "cross");
  EXPECT_EQ(p["comments"], "");
  EXPECT_EQ(p["journal_ref"], "");
  EXPECT_EQ(p["doi"], "10.1000/x");
  EXPECT_EQ(p["abs_url"], "https://arxiv.org/abs/2505.09001");
  EXPECT_EQ(p["pdf_url"], "https://arxiv.org/pdf/2505.09001");
  EXPECT_EQ(p["first_listed"], "2025-05-14");
  EXPECT_EQ(p["published"], "2025-05-13T17:30:00Z");
  EXPECT_EQ(p["updated"], "2025-05-13T17:30:00Z");
  EXPECT_EQ(p["versions"], json::parse(R"([{"version":1,"submitted":"2025-05-13T17:30:00Z"}])"));
}

TEST(PapersJson, DatesTheFirstAndLatestVersions) {
  Paper paper = SamplePaper("2401.06769");
  paper.version = 2;
  paper.versions.push_back({.number = 2, .submitted = paper.versions.front().submitted + std::chrono::days(20)});
  const json p = json::parse(RenderPapersJson({{paper}, {}}))["papers"][0];
  EXPECT_EQ(p["published"], "2025-05-13T17:30:00Z");
  EXPECT_EQ(p["updated"], "2025-06-02T17:30:00Z");
  EXPECT_EQ(p["versions"].size(), 2u);
  EXPECT_EQ(p["versions"][1]["version"], 2);
  paper.versions.clear();  // a record without dates (a daily listing's)
  const json undated = json::parse(RenderPapersJson({{paper}, {}}))["papers"][0];
  EXPECT_TRUE(undated["published"].is_null());
  EXPECT_TRUE(undated["updated"].is_null());
  EXPECT_EQ(undated["versions"], json::array());
}

TEST(PapersJson, ListsPapersAndMissingIds) {
  const json document =
      json::parse(RenderPapersJson({{SamplePaper("2401.06769")}, {"2401.99999"}}));
  ASSERT_EQ(document["papers"].size(), 1u);
  EXPECT_EQ(document["papers"][0]["id"], "2401.06769");
  EXPECT_TRUE(document["papers"][0]["announce_type"].is_null());
  EXPECT_EQ(document["missing"], json({"2401.99999"}));
}

TEST(PapersJson, KeepsHostileTextExactButNeverRaw) {
  const Paper hostile = HostilePaper();
  const std::string text = RenderPapersJson({{hostile}, {}});
  EXPECT_THAT(text, Not(HasSubstr("<")));
  EXPECT_THAT(text, Not(HasSubstr(">")));
  EXPECT_THAT(text, HasSubstr("\\u003cscript\\u003e"));
  const json document = json::parse(text);
  EXPECT_EQ(document["papers"][0]["title"], hostile.title);
  EXPECT_EQ(document["papers"][0]["authors"][0], std::string(testing::kImgPayload));
  EXPECT_EQ(document["papers"][0]["abstract"], hostile.abstract);
}

TEST(PapersJson, ReplacesInvalidUtf8InsteadOfFailing) {
  Paper paper = SamplePaper("2401.06769");
  paper.title = "bad \xff byte";
  const json document = json::parse(RenderPapersJson({{paper}, {}}));
  EXPECT_EQ(document["papers"][0]["title"], "bad \xEF\xBF\xBD byte");
}

TEST(DaysJson, NamesTheCanonicalExpressionAndItsDaysInOrder) {
  const CategoryExpr expr = ParseCategoryExpr("cs.CL,cs.AI").value();
  const json document =
      json::parse(RenderDaysJson(expr, {Day("2025-05-13"), Day("2025-05-14"), Day("2025-05-16")}));
  EXPECT_EQ(document, json::parse(R"({"expression":"cs.AI,cs.CL",
                                      "days":["2025-05-13","2025-05-14","2025-05-16"]})"));
  EXPECT_EQ(json::parse(RenderDaysJson(expr, {}))["days"], json::array());
}

TEST(ClickJson, CarriesTheIdAndBothCounts) {
  EXPECT_EQ(json::parse(RenderClickJson("2401.06769", {.pdf = 3, .faq = 1})),
            json::parse(R"({"id":"2401.06769","pdf":3,"faq":1})"));
}

TEST(ClickCountsJson, ListsOnlyPapersWithAClick) {
  const std::vector<std::string> ids = {"2401.06769", "2401.00001", "hep-th/9901001"};
  const std::vector<store::ClickCounts> counts = {{.pdf = 3, .faq = 1}, {}, {.pdf = 0, .faq = 2}};
  EXPECT_EQ(json::parse(RenderClickCountsJson(ids, counts)),
            json::parse(R"({"counts":{"2401.06769":{"pdf":3,"faq":1},
                                      "hep-th/9901001":{"pdf":0,"faq":2}}})"));
  EXPECT_EQ(RenderClickCountsJson({}, {}), R"({"counts":{}})");
}

TEST(ErrorJson, NamesTheCodeAndMessage) {
  EXPECT_EQ(RenderErrorJson("not_found", "no paper \"x\""),
            R"({"error":{"code":"not_found","message":"no paper \"x\""}})");
}

}  // namespace
}  // namespace coolpapers::web
