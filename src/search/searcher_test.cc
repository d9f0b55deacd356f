// The Searcher's own behaviour beyond the query language (query_builder_test.cc): its time
// budget, and the term frequencies it keeps following the index.
#include "search/searcher.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <utility>
#include <memory>
#include <string>
#include <vector>

#include "core/date.h"
#include "search/paper_indexer.h"
#include "tests/support/temp_dir.h"

namespace coolpapers::search {
namespace {

// `count` papers that all hold the word "common", each listed on a day of its own.
std::vector<Paper> CommonPapers(int count) {
  std::vector<Paper> papers;
  for (int i = 0; i < count; ++i) {
    char id[16];
    std::snprintf(id, sizeof id, "2501.%05d", i);
    Paper paper;
    paper.id = id;
    paper.title = "A common title number " + std::to_string(i);
    paper.categories = {"cs.CL"};
    paper.first_listed = Date(std::chrono::sys_days(std::chrono::year(2020) / 1 / 1) +
                              std::chrono::days(i % 2000));
    papers.push_back(std::move(paper));
  }
  return papers;
}

// Issue #18 finding 6: each search has a time budget. Past it the search stops and says how
// to narrow it; within it, the same search counts every match. (A budget of 1 µs stands in
// for a common word over millions of papers past 0.5 s; Xapian's own time limit would not
// have stopped it: deadline_weight.h.)
TEST(Searcher, ASearchPastItsTimeBudgetStopsAndSaysHowToNarrowIt) {
  coolpapers::testing::TempDir dir;
  constexpr int kPapers = 20'000;
  {
    Result<std::unique_ptr<PaperIndexer>> indexer = PaperIndexer::Open(dir.path());
    ASSERT_TRUE(indexer) << indexer.error().detail;
    ASSERT_TRUE((*indexer)->Index(CommonPapers(kPapers)));
  }
  for (const SearchSort sort : {SearchSort::kRelevance, SearchSort::kNewest}) {
    const SearchQuery query{.text = "common title", .limit = 10, .sort = sort};
    Result<std::unique_ptr<Searcher>> unhurried = Searcher::Open(dir.path());
    ASSERT_TRUE(unhurried) << unhurried.error().detail;
    Result<SearchResults> whole = (*unhurried)->Search(query);
    ASSERT_TRUE(whole) << whole.error().detail;
    EXPECT_TRUE(whole->total_exact);
    EXPECT_EQ(whole->total_at_least, kPapers);
    EXPECT_EQ(whole->hits.size(), 10u);

    Result<std::unique_ptr<Searcher>> hurried =
        Searcher::Open(dir.path(), {.time_limit = std::chrono::microseconds(1)});
    ASSERT_TRUE(hurried) << hurried.error().detail;
    Result<SearchResults> cut = (*hurried)->Search(query);
    ASSERT_FALSE(cut);
    EXPECT_EQ(cut.error().code, ErrorCode::kTimeout);
    EXPECT_THAT(cut.error().message, ::testing::HasSubstr("to narrow it"));
    // The searcher goes on answering what fits its budget.
    Result<SearchResults> one = (*hurried)->Search({.text = "number 7"});
    EXPECT_TRUE(one) << one.error().message;
  }
}

// A word's author reading is searched only where enough of its papers name it as an author
// (DropRareAuthorReadings), from the index's term frequencies, which a reader keeps between
// searches (term_frequency_cache.h): a commit must make it ask again.
TEST(Searcher, AWordsAuthorReadingFollowsTheIndexAsItGrows) {
  coolpapers::testing::TempDir dir;
  std::vector<Paper> titled = CommonPapers(200);
  for (Paper& paper : titled) paper.title += " after Smith";
  Result<std::unique_ptr<PaperIndexer>> indexer = PaperIndexer::Open(dir.path());
  ASSERT_TRUE(indexer) << indexer.error().detail;
  ASSERT_TRUE((*indexer)->Index(titled));
  Result<std::unique_ptr<Searcher>> searcher = Searcher::Open(dir.path());
  ASSERT_TRUE(searcher) << searcher.error().detail;
  Result<SearchResults> before = (*searcher)->Search({.text = "smith", .limit = 10});
  ASSERT_TRUE(before) << before.error().detail;
  EXPECT_EQ(before->total_at_least, 200);

  // 50 papers by a Smith (1 in 4 of the word's papers): now the reading counts.
  std::vector<Paper> authored;
  for (int i = 0; i < 50; ++i) {
    Paper paper;
    paper.id = "2502." + std::to_string(10000 + i);
    paper.title = "An unrelated study " + std::to_string(i);
    paper.authors = {"Jane Smith"};
    paper.categories = {"cs.CL"};
    authored.push_back(std::move(paper));
  }
  ASSERT_TRUE((*indexer)->Index(authored));
  Result<SearchResults> after = (*searcher)->Search({.text = "smith", .limit = 10});
  ASSERT_TRUE(after) << after.error().detail;
  EXPECT_EQ(after->total_at_least, 250);
}

}  // namespace
}  // namespace coolpapers::search
