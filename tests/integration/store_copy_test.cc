// `coolpapers store copy` on a real instance (issue #17): May 2025's daily lists imported with
// `coolpapers import` into SQLite, every other table given rows, then copied into a fresh
// PostgreSQL database by the real binary, which checks the copy row by row. The test then reads
// both stores through the Store interface and finds the same answers, and the PostgreSQL store
// serves the commands that take --store.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

#include "core/category_expr.h"
#include "store/store_location.h"
#include "tests/support/pg_test_server.h"
#include "tests/support/server_process.h"
#include "tests/support/shared_data.h"
#include "tests/support/temp_dir.h"

namespace coolpapers {
namespace {

using ::testing::HasSubstr;
using std::chrono::seconds;

// Gives the tables an import of daily lists leaves empty some rows: a paper with its versions,
// clicks, jobs, harvest state, a FAQ answer, partial items, a paper's text and a translation.
void FillTheOtherTables(const store::StoreLocation& location, const std::string& paper_id) {
  auto store = store::OpenStoreAt(location);
  ASSERT_TRUE(store) << store.error().message;
  const Date day = Date::Parse("2025-05-14").value();
  PaperRecord versioned;
  versioned.paper.id = "2505.99999";
  versioned.paper.version = 2;
  versioned.paper.title = "A paper with versions";
  versioned.paper.authors = {"A. Author", "B. Author"};
  versioned.paper.abstract = "Versions v1 and v2.";
  versioned.paper.categories = {"cs.CL", "cs.AI"};
  versioned.paper.versions = {{1, UtcTime(seconds(1'746'000'000))},
                              {2, UtcTime(seconds(1'747'000'000))}};
  versioned.listings = {{day, "cs.CL", "2505.99999", AnnounceType::kReplace, 9999}};
  ASSERT_TRUE((*store)->WriteRecords(std::vector<PaperRecord>{versioned}));
  ASSERT_TRUE((*store)->AddClick(paper_id, store::ClickKind::kPdf, "reader-one-0000001", day));
  ASSERT_TRUE((*store)->AddClick(paper_id, store::ClickKind::kFaq, "reader-two-0000002", day));

  auto jobs = store::OpenJobQueueAt(location);
  ASSERT_TRUE(jobs);
  const store::JobTime now{std::chrono::milliseconds(1'747'200'000'000)};
  for (int i = 0; i < 30; ++i) {
    ASSERT_TRUE((*jobs)->Enqueue({store::JobKind::kPdf, "pdf:" + std::to_string(i),
                                  store::JobPriority::kToday, "{\"n\":" + std::to_string(i) + "}"},
                                 now));
  }
  auto claimed = (*jobs)->Claim(store::JobKind::kPdf, "worker-1", now, std::chrono::minutes(1));
  ASSERT_TRUE(claimed && *claimed);
  ASSERT_TRUE((*jobs)->Complete((*claimed)->id, "worker-1", "fetched", now));

  auto state = store::OpenHarvestStateAt(location);
  ASSERT_TRUE(state);
  ASSERT_TRUE((*state)->RecordDay({"cs.CL", day, {10, 5, 3}, {10, 5, 2}, 1, false, 2,
                                   "1 paper awaits metadata", now}));
  ASSERT_TRUE((*state)->SetCursor("oai:2025-05-01..2025-05-31", "token|1001"));

  auto faq = store::OpenFaqStoreAt(location);
  ASSERT_TRUE(faq);
  FaqAnswer answer{paper_id, 1, FaqLanguage::kChinese, "test-model", false,
                   UtcTime(seconds(1'747'200'000)),
                   {{"problem", "问题?", "答案 $x^2$ [page 1]", {1}, 1200, 80}},
                   "更多"};
  ASSERT_TRUE((*faq)->SaveAnswer(answer));
  ASSERT_TRUE((*faq)->SavePartialItem(paper_id, FaqLanguage::kEnglish, 1, "m", 0,
                                      {"problem", "Q?", "A \"quoted\"", {2, 3}, 10, 20}));
  ASSERT_TRUE((*faq)->SavePaperText(paper_id, 1, "The full text,\nwith lines."));

  auto translations = store::OpenTranslationStoreAt(location);
  ASSERT_TRUE(translations);
  ASSERT_TRUE((*translations)->SaveTranslation(
      {paper_id, 1, "标题", "摘要", "test-model", UtcTime(seconds(1'747'200'001))}));
}

class StoreCopyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (auto reason = testing::PgTestSkipReason()) GTEST_SKIP() << *reason;
  }
  testing::TempDir dir_;
};

TEST_F(StoreCopyTest, CopiesAnImportedInstanceAndBothStoresAnswerAlike) {
  COOLPAPERS_REQUIRE_SHARED_DATA(data);
  const std::filesystem::path sqlite_path = dir_.path() / "coolpapers.sqlite";
  const testing::CommandResult imported = testing::RunCoolpapers(
      {"import", "--data", dir_.path().string(),
       (data / "metadata" / "daily-arxiv-cs-2025" / "2025-05.jsonl").string()},
      seconds(600));
  ASSERT_EQ(imported.exit_code, 0) << imported.output;
  const store::StoreLocation sqlite = store::SqliteLocation(sqlite_path);
  auto source = store::OpenStoreAt(sqlite);
  ASSERT_TRUE(source);
  auto first_page = (*source)->PapersAfter("", 1);
  ASSERT_TRUE(first_page && !first_page->empty());
  FillTheOtherTables(sqlite, first_page->front().id);
  if (HasFatalFailure()) return;

  const std::string url = testing::PgTestDatabaseUrl(dir_.path());
  const testing::CommandResult copied = testing::RunCoolpapers(
      {"store", "copy", "--from", "sqlite:" + sqlite_path.string(), "--to", url}, seconds(900));
  ASSERT_EQ(copied.exit_code, 0) << copied.output;
  EXPECT_THAT(copied.output, HasSubstr("copied and checked"));
  EXPECT_THAT(copied.output, HasSubstr("check papers"));

  const store::StoreLocation pg{store::StoreLocation::Kind::kPostgres, {}, url};
  auto target = store::OpenStoreAt(pg);
  ASSERT_TRUE(target) << target.error().message;
  store::Store& a = **source;
  store::Store& b = **target;
  EXPECT_GT(a.PaperCount().value(), 1000);
  EXPECT_EQ(a.PaperCount().value(), b.PaperCount().value());
  EXPECT_EQ(a.ChangeStamp().value(), b.ChangeStamp().value());
  EXPECT_EQ(a.LatestPaperChange().value(), b.LatestPaperChange().value());

  auto days_a = a.NewestDayPerCategory().value();
  auto days_b = b.NewestDayPerCategory().value();
  ASSERT_EQ(days_a.size(), days_b.size());
  for (size_t i = 0; i < days_a.size(); ++i) {
    EXPECT_EQ(days_a[i].category, days_b[i].category);
    EXPECT_EQ(days_a[i].newest_day, days_b[i].newest_day);
    EXPECT_EQ(days_a[i].paper_count, days_b[i].paper_count);
  }
  for (std::string_view expr : {"cs.AI", "cs.CL,cs.LG", "cs.AI+cs.LG-cs.CV"}) {
    const CategoryExpr parsed = ParseCategoryExpr(expr).value();
    const std::vector<Date> listing_days = a.ListingDays(parsed).value();
    ASSERT_EQ(listing_days, b.ListingDays(parsed).value()) << expr;
    for (const Date& day : listing_days) {
      const store::DayList list_a = a.ListDay(parsed, day).value();
      const store::DayList list_b = b.ListDay(parsed, day).value();
      ASSERT_EQ(list_a.papers.size(), list_b.papers.size()) << expr << " " << day.ToIso();
      for (size_t i = 0; i < list_a.papers.size(); ++i) {
        EXPECT_EQ(list_a.papers[i].paper_id, list_b.papers[i].paper_id) << expr << " " << i;
        EXPECT_EQ(list_a.papers[i].type, list_b.papers[i].type);
      }
    }
  }
  // The index's catch-up reads the same changes from either store.
  auto changes_a = a.PaperChangesSince(0, 500).value();
  auto changes_b = b.PaperChangesSince(0, 500).value();
  EXPECT_EQ(changes_a.last_sequence, changes_b.last_sequence);
  ASSERT_EQ(changes_a.papers.size(), changes_b.papers.size());
  for (size_t i = 0; i < changes_a.papers.size(); ++i) {
    EXPECT_EQ(changes_a.papers[i].id, changes_b.papers[i].id);
    EXPECT_EQ(changes_a.papers[i].versions.size(), changes_b.papers[i].versions.size());
  }

  // The PostgreSQL store serves the commands: the queue as `coolpapers jobs` lists it.
  const testing::CommandResult jobs = testing::RunCoolpapers(
      {"jobs", "--data", dir_.path().string(), "--store", url, "--kind", "pdf"});
  ASSERT_EQ(jobs.exit_code, 0) << jobs.output;
  EXPECT_THAT(jobs.output, HasSubstr("pdf:29"));

  // A second copy into the same database is refused: it is not empty any more.
  const testing::CommandResult again = testing::RunCoolpapers(
      {"store", "copy", "--from", "sqlite:" + sqlite_path.string(), "--to", url});
  EXPECT_EQ(again.exit_code, 1) << again.output;
  EXPECT_THAT(again.output, HasSubstr("not empty"));
}

TEST_F(StoreCopyTest, RefusesLocationsOfTheWrongKind) {
  const testing::CommandResult wrong = testing::RunCoolpapers(
      {"store", "copy", "--from", "postgresql:///x", "--to", "sqlite:/tmp/x.sqlite"});
  EXPECT_EQ(wrong.exit_code, 2) << wrong.output;
  EXPECT_THAT(wrong.output, HasSubstr("expected sqlite:PATH"));
}

}  // namespace
}  // namespace coolpapers
