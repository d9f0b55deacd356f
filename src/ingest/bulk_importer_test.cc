#include "ingest/bulk_importer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>

#include "store/sqlite_store.h"
#include "tests/support/shared_data.h"
#include "tests/support/temp_dir.h"

namespace coolpapers::ingest {
namespace {

using ::testing::ElementsAre;
using ::testing::FieldsAre;
using ::testing::HasSubstr;

const std::filesystem::path kTestdata = COOLPAPERS_INGEST_TESTDATA;
const std::filesystem::path kDaily = kTestdata / "daily_listing_sample.jsonl";
const std::filesystem::path kKaggle = kTestdata / "kaggle_snapshot_sample.jsonl";

class RecordingObserver : public ImportObserver {
 public:
  void OnProgress(const ImportCounts& counts) override { progress.push_back(counts); }
  void OnMalformedLine(const MalformedLine& line) override { malformed.push_back(line); }

  std::vector<ImportCounts> progress;
  std::vector<MalformedLine> malformed;
};

// Everything a reader of the store can see, as text: every listing of every category and day
// in order, and every field of every listed paper. Two stores with equal dumps are equal.
std::string Dump(store::Store& store) {
  std::ostringstream out;
  std::set<std::string> ids;
  // Each Result is held in a variable: a range-for over a temporary's value() would dangle.
  const std::vector<store::CategoryDay> categories = store.NewestDayPerCategory().value();
  for (const store::CategoryDay& newest : categories) {
    const CategoryExpr expr{.include = {newest.category}, .exclude = {}};
    const std::vector<Date> days = store.ListingDays(expr).value();
    for (const Date day : days) {
      const store::DayList list = store.ListDay(expr, day).value();
      for (const store::ListedPaper& listed : list.papers) {
        out << day.ToIso() << ' ' << newest.category << ' ' << listed.paper_id << ' '
            << AnnounceTypeName(listed.type) << '\n';
        ids.insert(listed.paper_id);
      }
    }
  }
  const std::vector<std::string> id_list(ids.begin(), ids.end());
  const std::vector<Paper> papers = store.PapersByIds(id_list).value();
  for (const Paper& paper : papers) {
    out << paper.id << " v" << paper.version << " | " << paper.title << " | " << paper.abstract
        << " | " << paper.comments << " | " << paper.journal_ref << " | " << paper.doi << " | "
        << paper.license << " | " << (paper.first_listed ? paper.first_listed->ToIso() : "-");
    for (const std::string& author : paper.authors) out << " | " << author;
    for (const std::string& category : paper.categories) out << " | " << category;
    for (const PaperVersion& version : paper.versions) {
      out << " | v" << version.number << '@' << version.submitted.time_since_epoch().count();
    }
    out << '\n';
  }
  return out.str();
}

class BulkImporterTest : public ::testing::Test {
 protected:
  std::unique_ptr<store::Store> OpenStore(const std::string& name) {
    auto store = store::OpenSqliteStore(dir_.path() / name);
    if (!store) ADD_FAILURE() << store.error().message;
    return store ? std::move(*store) : nullptr;
  }

  ImportCounts Import(store::Store& store, const std::vector<std::filesystem::path>& files,
                      size_t batch_size = 2000) {
    auto counts = ImportFiles(store, files, observer_, {.batch_size = batch_size});
    if (!counts) ADD_FAILURE() << counts.error().message << " / " << counts.error().detail;
    return counts.value_or(ImportCounts{});
  }

  // The two fixtures as one file, cut after `fraction` of its bytes (maybe mid-line), as an
  // import killed partway would have read it.
  std::filesystem::path WritePrefix(double fraction) {
    std::string whole;
    for (const auto& file : {kDaily, kKaggle}) {
      std::ifstream in(file, std::ios::binary);
      whole.append(std::istreambuf_iterator<char>(in), {});
    }
    const std::filesystem::path prefix = dir_.path() / "prefix.jsonl";
    std::ofstream(prefix, std::ios::binary)
        << whole.substr(0, static_cast<size_t>(whole.size() * fraction));
    return prefix;
  }

  coolpapers::testing::TempDir dir_;
  RecordingObserver observer_;
};

TEST_F(BulkImporterTest, ImportsBothShapesAndSkipsMalformedLines) {
  auto store = OpenStore("store.sqlite");
  const ImportCounts counts = Import(*store, {kDaily, kKaggle});
  EXPECT_EQ(counts.files_total, 2);
  EXPECT_EQ(counts.files_done, 2);
  EXPECT_EQ(counts.records, 6);
  EXPECT_EQ(counts.skipped_lines, 4);
  EXPECT_EQ(counts.bytes_done, counts.bytes_total);
  EXPECT_EQ(counts.written.papers_inserted, 6);
  EXPECT_EQ(store->PaperCount().value(), 6);
  EXPECT_THAT(observer_.malformed,
              ElementsAre(FieldsAre(kDaily, 3, HasSubstr("invalid JSON")),
                          FieldsAre(kDaily, 4, HasSubstr("missing field \"title\"")),
                          FieldsAre(kDaily, 7, HasSubstr("no arXiv category")),
                          FieldsAre(kKaggle, 4, HasSubstr("not a date"))));
}

TEST_F(BulkImporterTest, ListsRecordsOnTheirDaysInFileOrder) {
  auto store = OpenStore("store.sqlite");
  Import(*store, {kDaily, kKaggle});
  const Date day = Date::FromYmd(2025, 5, 14);
  const auto ai = store->ListDay({.include = {"cs.AI"}, .exclude = {}}, day).value();
  ASSERT_EQ(ai.papers.size(), 2u);
  EXPECT_EQ(ai.papers[0].paper_id, "2505.08002");  // new in cs.AI
  EXPECT_EQ(ai.papers[1].paper_id, "2505.08001");  // cross from cs.CL
  EXPECT_EQ(ai.papers[1].type, AnnounceType::kCross);
  const auto sy = store->ListDay({.include = {"eess.SY"}, .exclude = {}}, day).value();
  ASSERT_EQ(sy.papers.size(), 1u);  // listed as cs.SY, an alias
  const auto it = store->ListDay({.include = {"cs.IT"}, .exclude = {}}, Date::FromYmd(2007, 4, 3));
  ASSERT_TRUE(it);
  ASSERT_EQ(it->papers.size(), 1u);  // 0704.0003: math.IT merged into cs.IT; sent on a Sunday, listed Tuesday
  EXPECT_EQ(it->papers[0].paper_id, "0704.0003");
}

TEST_F(BulkImporterTest, ImportingTwiceChangesNothing) {
  auto store = OpenStore("store.sqlite");
  Import(*store, {kDaily, kKaggle});
  const std::string first = Dump(*store);
  const ImportCounts again = Import(*store, {kDaily, kKaggle});
  EXPECT_EQ(again.written.papers_inserted, 0);
  EXPECT_EQ(again.written.listings_written, 0);
  EXPECT_EQ(Dump(*store), first);
  EXPECT_THAT(first, HasSubstr("0704.0001 v2 | Calculation of prompt diphoton"));
}

TEST_F(BulkImporterTest, InterruptedImportRerunEndsLikeAnUninterruptedOne) {
  auto whole = OpenStore("whole.sqlite");
  Import(*whole, {kDaily, kKaggle});
  for (const double fraction : {0.3, 0.55, 0.8}) {
    auto interrupted = OpenStore("interrupted-" + std::to_string(fraction) + ".sqlite");
    Import(*interrupted, {WritePrefix(fraction)}, /*batch_size=*/2);
    Import(*interrupted, {kDaily, kKaggle}, /*batch_size=*/2);
    EXPECT_EQ(Dump(*interrupted), Dump(*whole)) << "cut at " << fraction;
  }
}

TEST_F(BulkImporterTest, StopsBeforeWritingWhenAFileIsMissing) {
  auto store = OpenStore("store.sqlite");
  const std::vector<std::filesystem::path> files = {kDaily, dir_.path() / "typo.jsonl"};
  auto counts = ImportFiles(*store, files, observer_);
  ASSERT_FALSE(counts);
  EXPECT_EQ(counts.error().code, ErrorCode::kNotFound);
  EXPECT_THAT(counts.error().message, HasSubstr("typo.jsonl"));
  EXPECT_EQ(store->PaperCount().value(), 0);
}

TEST_F(BulkImporterTest, ReportsProgressAfterEachBatch) {
  auto store = OpenStore("store.sqlite");
  Import(*store, {kDaily, kKaggle}, /*batch_size=*/1);
  ASSERT_GE(observer_.progress.size(), 6u);
  for (size_t i = 1; i < observer_.progress.size(); ++i) {
    EXPECT_GE(observer_.progress[i].records, observer_.progress[i - 1].records);
    EXPECT_GE(observer_.progress[i].bytes_done, observer_.progress[i - 1].bytes_done);
  }
  EXPECT_EQ(observer_.progress.front().records, 0);
  EXPECT_EQ(observer_.progress.back().records, 6);
  EXPECT_EQ(observer_.progress.back().bytes_done, observer_.progress.back().bytes_total);
}

TEST_F(BulkImporterTest, ImportsAllOfTheRealMetadata) {
  COOLPAPERS_REQUIRE_SHARED_DATA(data);
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(data / "metadata/daily-arxiv-cs-2025")) {
    files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  files.push_back(data / "metadata/kaggle-oai-snapshot-sample-0704.jsonl");
  ASSERT_EQ(files.size(), 11u);

  auto store = OpenStore("real.sqlite");
  const ImportCounts counts = Import(*store, files);
  EXPECT_EQ(counts.records, 40'917);
  EXPECT_EQ(counts.skipped_lines, 0);
  EXPECT_EQ(store->PaperCount().value(), 40'917);
  const std::vector<std::string> gemma = {"2503.19786"};
  const std::vector<Paper> papers = store->PapersByIds(gemma).value();
  ASSERT_EQ(papers.size(), 1u);
  EXPECT_EQ(papers[0].title, "Gemma 3 Technical Report");
  EXPECT_EQ(papers[0].first_listed, Date::FromYmd(2025, 3, 26));
  const auto day = store->ListDay({.include = {"cs.CL"}, .exclude = {}}, Date::FromYmd(2025, 3, 26));
  ASSERT_TRUE(day);
  std::vector<std::string> ids;
  for (const store::ListedPaper& listed : day->papers) ids.push_back(listed.paper_id);
  EXPECT_THAT(ids, ::testing::Contains("2503.19786"));
}

}  // namespace
}  // namespace coolpapers::ingest
