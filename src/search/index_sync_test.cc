#include "search/index_sync.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <xapian.h>

#include <chrono>
#include <thread>

#include <memory>
#include <string>
#include <vector>

#include "search/index_layout.h"
#include "search/index_updater.h"
#include "tests/support/search_test_papers.h"
#include "store/sqlite_faq_store.h"
#include "store/sqlite_store.h"
#include "tests/support/temp_dir.h"

namespace coolpapers::search {
namespace {

using ::testing::ElementsAre;

// The test papers as the store takes them: each listed as new in its primary category on the
// day it was first listed, so the store derives the same first_listed.
std::vector<PaperRecord> RecordsOf(const std::vector<Paper>& papers) {
  std::vector<PaperRecord> records;
  int64_t position = 0;
  for (const Paper& paper : papers) {
    records.push_back({paper,
                       {Listing{*paper.first_listed, paper.primary_category(), paper.id,
                                AnnounceType::kNew, ++position}}});
  }
  return records;
}

class IndexSyncTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = store::OpenSqliteStore(store_path());
    ASSERT_TRUE(store) << store.error().detail;
    store_ = std::move(*store);
  }

  std::unique_ptr<PaperIndexer> OpenIndexer(const std::string& name) {
    auto indexer = PaperIndexer::Open(dir_.path() / name);
    EXPECT_TRUE(indexer) << indexer.error().detail;
    return indexer ? std::move(*indexer) : nullptr;
  }

  void Write(const std::vector<Paper>& papers) {
    auto written = store_->WriteRecords(RecordsOf(papers));
    ASSERT_TRUE(written) << written.error().detail;
  }

  std::filesystem::path store_path() const { return dir_.path() / "store.sqlite"; }

  coolpapers::testing::TempDir dir_;
  std::unique_ptr<store::Store> store_;
};

// What the FAQ keeps of a paper it has read: the PDF's text and answers in two languages.
void SaveFaqOf(store::FaqStore& faq_store, const std::string& paper_id) {
  ASSERT_TRUE(faq_store.SavePaperText(
      paper_id, 1, "1 Introduction\nWe run an ablation study of grid controllers.\n"));
  FaqAnswer english;
  english.paper_id = paper_id;
  english.version = 1;
  english.model = "test-model";
  english.items = {{"limits", "What are the limitations?", "Few **limitations** [page 2].", {2}, 0, 0}};
  ASSERT_TRUE(faq_store.SaveAnswer(english));
  FaqAnswer chinese = english;
  chinese.language = FaqLanguage::kChinese;
  chinese.items[0].answer = "本文研究电网控制。";
  ASSERT_TRUE(faq_store.SaveAnswer(chinese));
}

TEST_F(IndexSyncTest, CatchUpIndexesEachChangeOnce) {
  const std::vector<Paper> papers = SearchTestPapers();
  Write(std::vector<Paper>(papers.begin(), papers.begin() + 4));
  auto indexer = OpenIndexer("index");
  EXPECT_EQ(CatchUpIndex(*store_, *indexer).value(), 4);
  EXPECT_EQ(CatchUpIndex(*store_, *indexer).value(), 0);
  Write(papers);
  EXPECT_EQ(CatchUpIndex(*store_, *indexer).value(), static_cast<int64_t>(papers.size()) - 4);
  EXPECT_EQ(indexer->PaperCount().value(), static_cast<int64_t>(papers.size()));
  EXPECT_EQ(indexer->IndexedChange().value(), store_->LatestPaperChange().value());
}

TEST_F(IndexSyncTest, CatchUpReindexesAChangedPaper) {
  std::vector<Paper> papers = SearchTestPapers();
  Write(papers);
  auto indexer = OpenIndexer("index");
  ASSERT_TRUE(CatchUpIndex(*store_, *indexer));
  papers[0].title = "Gemma 3 Revised Report";
  papers[0].version = 2;
  Write({papers[0]});
  EXPECT_EQ(CatchUpIndex(*store_, *indexer).value(), 1);
  EXPECT_THAT(SearchIds(dir_.path() / "index", "title:revised"), ElementsAre("2503.00001"));
}

TEST_F(IndexSyncTest, RebuildFromStoreEqualsCatchUp) {
  const std::vector<Paper> papers = SearchTestPapers();
  Write(papers);
  auto incremental = OpenIndexer("incremental");
  ASSERT_TRUE(CatchUpIndex(*store_, *incremental));
  auto rebuilt = OpenIndexer("rebuilt");
  int64_t last_done = 0;
  EXPECT_EQ(RebuildIndex(*store_, *rebuilt,
                         [&](int64_t done, int64_t total) {
                           EXPECT_EQ(total, static_cast<int64_t>(papers.size()));
                           last_done = done;
                         })
                .value(),
            static_cast<int64_t>(papers.size()));
  EXPECT_EQ(last_done, static_cast<int64_t>(papers.size()));
  // The rebuild recorded the store's change, so there is nothing left to catch up.
  EXPECT_EQ(CatchUpIndex(*store_, *rebuilt).value(), 0);
  for (const std::string query :
       {"technical report", "author:smith", "cat:cs.LG", "date:2025-06", "transformers -attention",
        "Schrodinger", "model", "title:language OR abstract:robots"}) {
    EXPECT_EQ(SearchIds(dir_.path() / "rebuilt", query),
              SearchIds(dir_.path() / "incremental", query))
        << query;
  }
}

// Issue 6: the full text and FAQ answers, once the FAQ has them, are searchable by their fields
// (and only by them), after a catch-up and after a rebuild alike.
TEST_F(IndexSyncTest, FullTextsAndFaqAnswersAreIndexedOnceStored) {
  Write(SearchTestPapers());
  auto indexer = OpenIndexer("index");
  ASSERT_TRUE(CatchUpIndex(*store_, *indexer));
  EXPECT_THAT(SearchIds(dir_.path() / "index", "fulltext:ablation"), ElementsAre());

  auto faq_store = store::OpenSqliteFaqStore(store_path());
  ASSERT_TRUE(faq_store) << faq_store.error().detail;
  SaveFaqOf(**faq_store, "2505.00006");
  EXPECT_EQ(CatchUpIndex(*store_, *indexer).value(), 1);  // one paper, changed three times
  auto rebuilt = OpenIndexer("rebuilt");
  ASSERT_TRUE(RebuildIndex(*store_, *rebuilt));
  for (const std::string index : {"index", "rebuilt"}) {
    const std::filesystem::path dir = dir_.path() / index;
    EXPECT_THAT(SearchIds(dir, "fulltext:ablation"), ElementsAre("2505.00006")) << index;
    EXPECT_THAT(SearchIds(dir, "fulltext:\"ablation study of grid\""), ElementsAre("2505.00006"));
    EXPECT_THAT(SearchIds(dir, "faq:limitations"), ElementsAre("2505.00006")) << index;
    EXPECT_THAT(SearchIds(dir, "faq:电网"), ElementsAre("2505.00006")) << index;
    // Chinese between English words (Xapian alone answered "parse error"), and a run the
    // answer does not hold in that order.
    EXPECT_THAT(SearchIds(dir, "faq:few faq:电网 faq:limitations"), ElementsAre("2505.00006"))
        << index;
    EXPECT_THAT(SearchIds(dir, "faq:网电"), ElementsAre()) << index;
    EXPECT_THAT(SearchIds(dir, "ablation"), ElementsAre()) << index;  // plain words: metadata
    EXPECT_THAT(SearchIds(dir, "control"), ElementsAre("2505.00006")) << index;
  }
}

// An index an older coolpapers made no longer matches the queries' terms: serve's updater
// rebuilds it from the store before following the store again.
TEST_F(IndexSyncTest, TheUpdaterRebuildsAnIndexOfAnOlderFormat) {
  Write(SearchTestPapers());
  {
    auto indexer = OpenIndexer("index");
    ASSERT_TRUE(CatchUpIndex(*store_, *indexer));
    EXPECT_TRUE(indexer->FormatIsCurrent().value());
  }
  {
    // What an index of format 1 looks like: its metadata says so.
    const int generation = ReadCurrentGeneration(dir_.path() / "index").value();
    Xapian::WritableDatabase old(GenerationPath(dir_.path() / "index", generation).string(),
                                 Xapian::DB_OPEN);
    old.set_metadata("coolpapers.format", "1");
    old.commit();
  }
  auto indexer = OpenIndexer("index");
  ASSERT_FALSE(indexer->FormatIsCurrent().value());
  {
    IndexUpdater updater(*store_, *indexer, std::chrono::milliseconds(20));
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (!indexer->FormatIsCurrent().value() && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  }
  EXPECT_TRUE(indexer->FormatIsCurrent().value());
  EXPECT_EQ(indexer->PaperCount().value(), static_cast<int64_t>(SearchTestPapers().size()));
  EXPECT_THAT(SearchIds(dir_.path() / "index", "gemma"), ElementsAre("2503.00001"));
}

TEST_F(IndexSyncTest, ChangesDuringARebuildAreCaughtUpAfter) {
  const std::vector<Paper> papers = SearchTestPapers();
  Write(std::vector<Paper>(papers.begin(), papers.begin() + 3));
  auto indexer = OpenIndexer("index");
  bool wrote = false;
  ASSERT_TRUE(RebuildIndex(*store_, *indexer, [&](int64_t, int64_t) {
    if (!wrote) Write(std::vector<Paper>(papers.begin() + 3, papers.end()));
    wrote = true;
  }));
  EXPECT_EQ(CatchUpIndex(*store_, *indexer).value(), static_cast<int64_t>(papers.size()) - 3);
  EXPECT_EQ(indexer->PaperCount().value(), static_cast<int64_t>(papers.size()));
}

}  // namespace
}  // namespace coolpapers::search
