#include "web/api/api_json.h"

#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/timestamp.h"
#include "tests/support/web_test_support.h"
#include "web/api/json_dump.h"

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

// A paper's object as the API wrote it from a nlohmann::json tree, before JsonWriter: the
// answers' bytes must stay the same (keys in byte order, the same escapes and replacements).
json PaperTree(const Paper& paper, std::optional<AnnounceType> type) {
  json versions = json::array();
  for (const PaperVersion& version : paper.versions) {
    versions.push_back({{"version", version.number}, {"submitted", FormatRfc3339(version.submitted)}});
  }
  const auto time_or_null = [](const std::optional<UtcTime>& time) {
    return time ? json(FormatRfc3339(*time)) : json(nullptr);
  };
  const bool dated = !paper.versions.empty();
  return json{
      {"id", paper.id},
      {"version", paper.version},
      {"title", paper.title},
      {"authors", paper.authors},
      {"abstract", paper.abstract},
      {"categories", paper.categories},
      {"primary_category", paper.categories.empty() ? json(nullptr) : json(paper.categories.front())},
      {"announce_type", type ? json(std::string(AnnounceTypeName(*type))) : json(nullptr)},
      {"comments", paper.comments},
      {"journal_ref", paper.journal_ref},
      {"doi", paper.doi},
      {"abs_url", paper.AbsUrl()},
      {"pdf_url", paper.PdfUrl()},
      {"first_listed", paper.first_listed ? json(paper.first_listed->ToIso()) : json(nullptr)},
      {"published", time_or_null(dated ? std::optional(paper.versions.front().submitted) : std::nullopt)},
      {"updated", time_or_null(dated ? std::optional(paper.versions.back().submitted) : std::nullopt)},
      {"versions", std::move(versions)},
  };
}

TEST(ApiJson, WritesTheBytesTheTreeDumpWrote) {
  std::vector<Paper> papers = {SamplePaper("2505.09001", {"cs.CL", "cs.AI"}),
                               HostilePaper("2505.09002"), SamplePaper("2505.09003", {})};
  papers[0].version = 2;
  papers[0].doi = "10.1000/x";
  papers[0].versions.push_back({.number = 2, .submitted = papers[0].versions.front().submitted});
  papers[2].title = "caf\xC3\xA9 \xF0\x9F\x98\x80 bad \xff \xE2\x82 byte\t\"q\" \\";
  papers[2].versions.clear();
  papers[2].first_listed.reset();

  ListView list;
  list.expression = "cs.AI,cs.CL";
  list.day = Day("2025-05-14");
  list.total = 3;
  list.next_day = Day("2025-05-15");
  json list_tree = json::array();
  SearchView search;
  search.query = "<b> & \"quotes\"";
  search.total = 1234;
  search.total_exact = false;
  json search_tree = json::array();
  json papers_tree = json::array();
  for (const Paper& paper : papers) {
    list.cards.push_back({paper, AnnounceType::kReplace});
    list_tree.push_back(PaperTree(paper, AnnounceType::kReplace));
    search.cards.push_back({paper, {}, std::nullopt});
    search_tree.push_back(PaperTree(paper, std::nullopt));
    papers_tree.push_back(PaperTree(paper, std::nullopt));
  }
  EXPECT_EQ(RenderListJson(list), DumpSafeJson(json{{"expression", list.expression},
                                                    {"day", "2025-05-14"},
                                                    {"total", 3},
                                                    {"skip", 0},
                                                    {"show", 25},
                                                    {"previous_day", nullptr},
                                                    {"next_day", "2025-05-15"},
                                                    {"papers", list_tree}}));
  EXPECT_EQ(RenderSearchJson(search), DumpSafeJson(json{{"query", search.query},
                                                        {"sort", "relevance"},
                                                        {"total", 1234},
                                                        {"total_exact", false},
                                                        {"skip", 0},
                                                        {"show", 25},
                                                        {"papers", search_tree}}));
  EXPECT_EQ(RenderPapersJson({papers, {"2401.99999"}}),
            DumpSafeJson(json{{"papers", papers_tree}, {"missing", {"2401.99999"}}}));
  EXPECT_EQ(RenderRelatedJson("2505.09001", {"agents", "<tag>"}, search.cards),
            DumpSafeJson(json{{"id", "2505.09001"},
                              {"keywords", {"agents", "<tag>"}},
                              {"papers", search_tree}}));
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
