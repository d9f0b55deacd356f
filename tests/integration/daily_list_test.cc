// End to end on the real data: `coolpapers import` of all of ../shared/data/metadata into a
// temporary store, `coolpapers serve` on a loopback port, and the pages and JSON checked against
// what the data files themselves say (listing_oracle.h).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <regex>

#include "tests/integration/listing_oracle.h"
#include "tests/support/http_client.h"
#include "tests/support/server_process.h"
#include "tests/support/shared_data.h"
#include "tests/support/temp_dir.h"

namespace coolpapers::testing {
namespace {

using ::testing::ElementsAreArray;
using ::testing::HasSubstr;
using ::testing::Not;

// A paper that exists only in this test, listed on a day the real data does not have, whose
// title and abstract try to inject markup.
constexpr char kHostileRecord[] =
    R"({"id": "2601.00001", "pdf": "https://arxiv.org/pdf/2601.00001", )"
    R"("abs": "https://arxiv.org/abs/2601.00001", "authors": ["Eve <b>Mallory</b>", "A. O'Brien"], )"
    R"("title": "<script>alert(1)</script> and \"><img src=x onerror=alert(1)>", )"
    R"("categories": ["cs.CL"], "comment": null, )"
    R"("summary": "Ends the tag </p><script>alert(2)</script> & more.", "listing_date": "2026-01-05"})";

class DailyListTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto data = SharedDataDir();
    if (!data) return;
    shared_ = std::make_unique<std::filesystem::path>(*data);
    temp_ = std::make_unique<TempDir>();
    auto daily = *data / "metadata" / "daily-arxiv-cs-2025";
    oracle_ = std::make_unique<ListingOracle>(daily);

    auto hostile = temp_->path() / "hostile.jsonl";
    std::ofstream(hostile) << kHostileRecord << "\n";

    std::vector<std::string> args = {"import", "--data", (temp_->path() / "var").string()};
    for (const auto& entry : std::filesystem::directory_iterator(daily)) {
      args.push_back(entry.path().string());
    }
    args.push_back((*data / "metadata" / "kaggle-oai-snapshot-sample-0704.jsonl").string());
    args.push_back(hostile.string());
    import_ = std::make_unique<CommandResult>(RunCoolpapers(args, std::chrono::seconds(300)));
    if (import_->exit_code != 0) return;
    // A paper we lack is fetched from arXiv on demand; tests never leave loopback, so "arXiv"
    // is a closed local port here and such fetches stay pending.
    std::ofstream(temp_->path() / "var" / "coolpapers.toml")
        << "[arxiv]\nfeed_base_url = \"http://127.0.0.1:9/atom/\"\n"
           "api_url = \"http://127.0.0.1:9/api/query\"\noai_url = \"http://127.0.0.1:9/oai\"\n";
    server_ = std::make_unique<ServerProcess>(temp_->path() / "var");
  }

  static void TearDownTestSuite() {
    server_.reset();
    import_.reset();
    oracle_.reset();
    temp_.reset();
    shared_.reset();
  }

  void SetUp() override {
    if (!shared_) GTEST_SKIP() << "needs ../shared/data beside the checkout (not found)";
    ASSERT_EQ(import_->exit_code, 0) << import_->output;
    ASSERT_TRUE(server_) << "server did not start";
    client_ = std::make_unique<HttpClient>("127.0.0.1", server_->port());
  }

  // The paper ids of the cards on an HTML page, in page order.
  static std::vector<std::string> CardIds(const std::string& html) {
    static const std::regex kCard(R"re(<div class="panel paper" id="([^"]+)")re");
    std::vector<std::string> ids;
    for (std::sregex_iterator it(html.begin(), html.end(), kCard), end; it != end; ++it) {
      ids.push_back((*it)[1]);
    }
    return ids;
  }

  static std::vector<std::string> JsonIds(const std::string& body) {
    std::vector<std::string> ids;
    const auto document = nlohmann::json::parse(body);  // outlives the loop over its array
    for (const auto& paper : document.at("papers")) {
      ids.push_back(paper.at("id").get<std::string>());
    }
    return ids;
  }

  static inline std::unique_ptr<std::filesystem::path> shared_;
  static inline std::unique_ptr<TempDir> temp_;
  static inline std::unique_ptr<ListingOracle> oracle_;
  static inline std::unique_ptr<CommandResult> import_;
  static inline std::unique_ptr<ServerProcess> server_;
  std::unique_ptr<HttpClient> client_;
};

struct DayCase {
  std::string expression;
  std::string day;
  std::set<std::string> include;
  std::set<std::string> exclude;
};

const DayCase kDayCases[] = {
    {"cs.CL", "2025-05-14", {"cs.CL"}, {}},
    {"cs.CV", "2025-03-18", {"cs.CV"}, {}},
    {"cs.CL", "2025-05-27", {"cs.CL"}, {}},
    {"cs.AI,cs.CL", "2025-10-01", {"cs.AI", "cs.CL"}, {}},
    {"cs.AI+cs.CV-cs.LG-cs.RO", "2025-07-15", {"cs.AI", "cs.CV"}, {"cs.LG", "cs.RO"}},
    {"eess.IV", "2025-09-10", {"eess.IV"}, {}},
};

TEST_F(DailyListTest, JsonListsExactlyThePapersOfTheDayInArxivOrder) {
  for (const auto& c : kDayCases) {
    SCOPED_TRACE(c.expression + " " + c.day);
    auto expected = oracle_->ExpectedIds(c.day, c.include, c.exclude);
    ASSERT_FALSE(expected.empty());
    auto response = client_->Get("/api/arxiv/" + c.expression + "?date=" + c.day + "&show=2000");
    ASSERT_EQ(response.status, 200) << response.body;
    EXPECT_THAT(JsonIds(response.body), ElementsAreArray(expected));
    EXPECT_EQ(nlohmann::json::parse(response.body).at("total").get<size_t>(), expected.size());
  }
}

TEST_F(DailyListTest, HtmlListsExactlyThePapersOfTheDayInArxivOrder) {
  for (const auto& c : kDayCases) {
    SCOPED_TRACE(c.expression + " " + c.day);
    auto expected = oracle_->ExpectedIds(c.day, c.include, c.exclude);
    auto response = client_->Get("/arxiv/" + c.expression + "?date=" + c.day + "&show=2000");
    ASSERT_EQ(response.status, 200) << response.body.substr(0, 500);
    EXPECT_THAT(CardIds(response.body), ElementsAreArray(expected));
    EXPECT_THAT(response.body, HasSubstr("Total: " + std::to_string(expected.size())));
  }
}

TEST_F(DailyListTest, DefaultPageShowsTheFirstTwentyFiveAndPagesThroughTheRest) {
  auto expected = oracle_->ExpectedIds("2025-05-27", {"cs.CL"});
  ASSERT_GT(expected.size(), 50u);
  std::vector<std::string> seen;
  for (size_t skip = 0; skip < expected.size(); skip += 25) {
    auto target = "/arxiv/cs.CL?date=2025-05-27" +
                  (skip == 0 ? std::string() : "&skip=" + std::to_string(skip));
    auto response = client_->Get(target);
    ASSERT_EQ(response.status, 200) << target;
    auto ids = CardIds(response.body);
    EXPECT_EQ(ids.size(), std::min<size_t>(25, expected.size() - skip)) << target;
    seen.insert(seen.end(), ids.begin(), ids.end());
  }
  EXPECT_THAT(seen, ElementsAreArray(expected));
}

TEST_F(DailyListTest, CategoryWithoutDateShowsItsNewestDay) {
  auto response = client_->Get("/api/arxiv/cs.CV");
  ASSERT_EQ(response.status, 200);
  EXPECT_EQ(nlohmann::json::parse(response.body).at("day").get<std::string>(), "2025-12-30");
}

TEST_F(DailyListTest, PaperPageCarriesHighwireMetaTags) {
  auto response = client_->Get("/arxiv/2503.19786");
  ASSERT_EQ(response.status, 200);
  EXPECT_THAT(response.body, HasSubstr(R"(<meta name="citation_title" content="Gemma 3 Technical Report">)"));
  EXPECT_THAT(response.body, HasSubstr(R"(<meta name="citation_arxiv_id" content="2503.19786">)"));
  EXPECT_THAT(response.body, HasSubstr(R"(<meta name="citation_pdf_url" content="https://arxiv.org/pdf/2503.19786">)"));
  EXPECT_THAT(response.body, HasSubstr(R"(<meta name="citation_date" content="2025/03/26">)"));
  EXPECT_THAT(response.body, HasSubstr(R"(<meta name="citation_author" content=")"));
  EXPECT_EQ(CardIds(response.body), std::vector<std::string>{"2503.19786"});
}

TEST_F(DailyListTest, SeveralIdsShowSeveralCardsInTheOrderAsked) {
  auto response = client_->Get("/arxiv/2505.09388,2503.19786,0704.0001");
  ASSERT_EQ(response.status, 200);
  EXPECT_THAT(CardIds(response.body),
              ElementsAreArray({"2505.09388", "2503.19786", "0704.0001"}));
  auto json = client_->Get("/api/arxiv/2505.09388,2503.19786");
  ASSERT_EQ(json.status, 200);
  EXPECT_THAT(JsonIds(json.body), ElementsAreArray({"2505.09388", "2503.19786"}));
}

TEST_F(DailyListTest, NonCanonicalIdsRedirectToTheCanonicalUrl) {
  auto padded = client_->Get("/arxiv/0704.00001");
  EXPECT_EQ(padded.status, 301);
  EXPECT_EQ(padded.Header("location"), "/arxiv/0704.0001");
  auto unpadded = client_->Get("/arxiv/2503.9786?show=5");
  EXPECT_EQ(unpadded.status, 301);
  EXPECT_EQ(unpadded.Header("location"), "/arxiv/2503.09786?show=5");
}

TEST_F(DailyListTest, HostileTitleIsShownAsText) {
  for (const std::string target : {"/arxiv/2601.00001", "/arxiv/cs.CL?date=2026-01-05"}) {
    SCOPED_TRACE(target);
    auto response = client_->Get(target);
    ASSERT_EQ(response.status, 200);
    EXPECT_THAT(response.body, HasSubstr("&lt;script&gt;alert(1)&lt;/script&gt;"));
    EXPECT_THAT(response.body, Not(HasSubstr("<script>alert(1)</script>")));
    EXPECT_THAT(response.body, Not(HasSubstr("<img src=x")));
    EXPECT_THAT(response.body, Not(HasSubstr("<script>alert(2)</script>")));
    EXPECT_THAT(response.body, Not(HasSubstr("<b>Mallory</b>")));
  }
  auto json = client_->Get("/api/arxiv/2601.00001");
  ASSERT_EQ(json.status, 200);
  EXPECT_EQ(nlohmann::json::parse(json.body)["papers"][0]["title"].get<std::string>(),
            "<script>alert(1)</script> and \"><img src=x onerror=alert(1)>");
}

TEST_F(DailyListTest, BadInputGetsAClientErrorThatSaysWhatWasWrong) {
  struct BadCase {
    std::string target;
    int status;
    std::string says;
  };
  const BadCase cases[] = {
      {"/arxiv/cs.XX", 400, "cs.XX"},
      {"/arxiv/cs.AI,,cs.CL", 400, "cs.AI,,cs.CL"},
      {"/arxiv/cs.CL?date=2025-13-01", 400, "2025-13-01"},
      {"/arxiv/cs.CL?date=yesterday", 400, "yesterday"},
      {"/arxiv/cs.CL?show=-3", 400, "show"},
      {"/arxiv/2501.99999,2501.99998", 404, "2501.99999"},
      {"/arxiv/2501.99999", 202, "Fetching"},  // a valid id we lack: fetched from arXiv
      {"/arxiv/1406.0266x", 400, "1406.0266x"},
      {"/no/such/page", 404, ""},
      {"/api/arxiv/cs.XX", 400, "cs.XX"},
      {"/api/arxiv/2501.99999,2501.99998", 404, "2501.99999"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.target);
    auto response = client_->Get(c.target);
    EXPECT_EQ(response.status, c.status);
    EXPECT_THAT(response.body, HasSubstr(c.says));
    if (c.target.starts_with("/api/")) {
      auto error = nlohmann::json::parse(response.body).at("error");
      EXPECT_FALSE(error.at("message").get<std::string>().empty());
    }
  }
}

TEST_F(DailyListTest, HomePageShowsEachCategoryWithItsNewestDayAndCount) {
  auto response = client_->Get("/");
  ASSERT_EQ(response.status, 200);
  EXPECT_THAT(response.body, HasSubstr(R"(href="/arxiv/cs.CV")"));
  EXPECT_THAT(response.body, HasSubstr(R"(href="/arxiv/cs.CV?date=2025-12-30")"));
  EXPECT_THAT(response.body, HasSubstr("Computer Vision and Pattern Recognition"));
  auto health = client_->Get("/healthz");
  EXPECT_EQ(health.status, 200);
}

}  // namespace
}  // namespace coolpapers::testing
