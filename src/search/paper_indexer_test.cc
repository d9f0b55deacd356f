#include "search/paper_indexer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "core/author_list.h"
#include "search/index_layout.h"
#include "tests/support/search_test_papers.h"
#include "search/searcher.h"
#include "tests/support/temp_dir.h"

namespace coolpapers::search {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

// Queries whose results together cover every field, for comparing two indexes.
const std::vector<std::string> kProbeQueries = {
    "technical report",        "author:smith", "cat:cs.LG", "date:2025-06",
    "transformers -attention", "Schrodinger",  "model",     "title:language OR abstract:robots",
};

std::unique_ptr<PaperIndexer> OpenIndexer(const std::filesystem::path& dir) {
  Result<std::unique_ptr<PaperIndexer>> indexer = PaperIndexer::Open(dir);
  EXPECT_TRUE(indexer) << indexer.error().detail;
  return indexer ? std::move(*indexer) : nullptr;
}

// Hands the papers to the sink two at a time, as a store loop would page through them.
PaperSource SourceOf(const std::vector<Paper>& papers) {
  return [&papers](const PaperBatchSink& sink) -> Result<void> {
    for (std::size_t i = 0; i < papers.size(); i += 2) {
      const std::size_t count = std::min<std::size_t>(2, papers.size() - i);
      if (Result<void> sunk = sink(std::span(papers).subspan(i, count), {}); !sunk) return sunk;
    }
    return {};
  };
}

TEST(PaperIndexer, IndexingTwiceChangesNothing) {
  coolpapers::testing::TempDir dir;
  auto indexer = OpenIndexer(dir.path());
  const std::vector<Paper> papers = SearchTestPapers();
  ASSERT_TRUE(indexer->Index(papers));
  std::vector<std::vector<std::string>> first;
  for (const std::string& query : kProbeQueries) first.push_back(SearchIds(dir.path(), query));
  ASSERT_TRUE(indexer->Index(papers));
  EXPECT_EQ(indexer->PaperCount(), static_cast<int64_t>(papers.size()));
  for (std::size_t i = 0; i < kProbeQueries.size(); ++i) {
    EXPECT_EQ(SearchIds(dir.path(), kProbeQueries[i]), first[i]) << kProbeQueries[i];
  }
}

TEST(PaperIndexer, ReindexingAPaperReplacesItsText) {
  coolpapers::testing::TempDir dir;
  auto indexer = OpenIndexer(dir.path());
  std::vector<Paper> papers = SearchTestPapers();
  ASSERT_TRUE(indexer->Index(papers));
  papers[0].title = "Gemma 3 Revised Report";
  ASSERT_TRUE(indexer->Index(std::span(papers).first(1)));
  EXPECT_THAT(SearchIds(dir.path(), "title:revised"), ElementsAre("2503.00001"));
  EXPECT_THAT(SearchIds(dir.path(), "title:technical"), ElementsAre("2505.00007"));
}

TEST(PaperIndexer, RebuildEqualsIncremental) {
  coolpapers::testing::TempDir incremental_dir;
  coolpapers::testing::TempDir rebuilt_dir;
  const std::vector<Paper> papers = SearchTestPapers();
  auto incremental = OpenIndexer(incremental_dir.path());
  for (const Paper& paper : papers) ASSERT_TRUE(incremental->Index(std::span(&paper, 1)));

  auto rebuilt = OpenIndexer(rebuilt_dir.path());
  ASSERT_TRUE(rebuilt->Index(std::span(papers).first(3)));  // replaced by the rebuild
  EXPECT_EQ(rebuilt->Rebuild(SourceOf(papers)), static_cast<int64_t>(papers.size()));
  EXPECT_EQ(rebuilt->PaperCount(), static_cast<int64_t>(papers.size()));
  for (const std::string& query : kProbeQueries) {
    EXPECT_EQ(SearchIds(rebuilt_dir.path(), query), SearchIds(incremental_dir.path(), query))
        << query;
  }
}

TEST(PaperIndexer, OpenSearcherSeesCommitsAndRebuilds) {
  coolpapers::testing::TempDir dir;
  auto indexer = OpenIndexer(dir.path());
  const std::vector<Paper> papers = SearchTestPapers();
  Result<std::unique_ptr<Searcher>> searcher = Searcher::Open(dir.path());
  ASSERT_TRUE(searcher) << searcher.error().detail;
  const auto count = [&](const std::string& text) -> int64_t {
    Result<SearchResults> results = (*searcher)->Search({.text = text});
    return results ? static_cast<int64_t>(results->hits.size()) : -1;
  };
  EXPECT_EQ(count("gemma"), 0);
  ASSERT_TRUE(indexer->Index(papers));
  EXPECT_EQ(count("gemma"), 1);
  const std::vector<Paper> fewer(papers.begin() + 1, papers.end());
  ASSERT_TRUE(indexer->Rebuild(SourceOf(fewer)));
  EXPECT_EQ(count("gemma"), 0);
  EXPECT_EQ(count("qwen3"), 1);
  ASSERT_TRUE(indexer->Index(papers));  // the writer now writes the new generation
  EXPECT_EQ(count("gemma"), 1);
}

TEST(PaperIndexer, FailedRebuildLeavesTheLiveIndex) {
  coolpapers::testing::TempDir dir;
  auto indexer = OpenIndexer(dir.path());
  const std::vector<Paper> papers = SearchTestPapers();
  ASSERT_TRUE(indexer->Index(papers));
  Result<int64_t> rebuilt = indexer->Rebuild([&](const PaperBatchSink& sink) -> Result<void> {
    if (Result<void> sunk = sink(std::span(papers).first(1), {}); !sunk) return sunk;
    return Fail(ErrorCode::kUnavailable, "store went away");
  });
  ASSERT_FALSE(rebuilt);
  EXPECT_EQ(rebuilt.error().message, "store went away");
  EXPECT_EQ(indexer->PaperCount(), static_cast<int64_t>(papers.size()));
  EXPECT_THAT(SearchIds(dir.path(), "qwen3"), ElementsAre("2505.00007"));
  ASSERT_TRUE(indexer->Index(std::span(papers).first(1)));
}

TEST(PaperIndexer, OpenRemovesWhatACrashedRebuildLeft) {
  coolpapers::testing::TempDir dir;
  const std::vector<Paper> papers = SearchTestPapers();
  {
    auto indexer = OpenIndexer(dir.path());
    ASSERT_TRUE(indexer->Index(papers));
  }
  // A rebuild killed before its rename leaves a generation the stub does not name.
  std::filesystem::create_directories(GenerationPath(dir.path(), 2));
  auto reopened = OpenIndexer(dir.path());
  EXPECT_FALSE(std::filesystem::exists(GenerationPath(dir.path(), 2)));
  EXPECT_EQ(reopened->PaperCount(), static_cast<int64_t>(papers.size()));
  EXPECT_THAT(SearchIds(dir.path(), "gemma"), ElementsAre("2503.00001"));
}

TEST(PaperIndexer, SecondWriterIsUnavailable) {
  coolpapers::testing::TempDir dir;
  auto indexer = OpenIndexer(dir.path());
  Result<std::unique_ptr<PaperIndexer>> second = PaperIndexer::Open(dir.path());
  ASSERT_FALSE(second);
  EXPECT_EQ(second.error().code, ErrorCode::kUnavailable);
}

TEST(PaperIndexer, ReopenedIndexKeepsItsPapers) {
  coolpapers::testing::TempDir dir;
  const std::vector<Paper> papers = SearchTestPapers();
  {
    auto indexer = OpenIndexer(dir.path());
    ASSERT_TRUE(indexer->Rebuild(SourceOf(papers)));
  }
  auto reopened = OpenIndexer(dir.path());
  EXPECT_EQ(reopened->PaperCount(), static_cast<int64_t>(papers.size()));
}

TEST(Searcher, MissingIndexIsUnavailable) {
  coolpapers::testing::TempDir dir;
  Result<std::unique_ptr<Searcher>> searcher = Searcher::Open(dir.path() / "absent");
  ASSERT_FALSE(searcher);
  EXPECT_EQ(searcher.error().code, ErrorCode::kUnavailable);
}

TEST(Searcher, PagesStopAtTheResultCap) {
  coolpapers::testing::TempDir dir;
  auto indexer = OpenIndexer(dir.path());
  ASSERT_TRUE(indexer->Index(SearchTestPapers()));
  auto searcher = Searcher::Open(dir.path());
  ASSERT_TRUE(searcher);
  Result<SearchResults> page =
      (*searcher)->Search({.text = "branch:arxiv", .offset = 4, .limit = 3});
  ASSERT_TRUE(page);
  EXPECT_EQ(page->total_estimate, 12);
  ASSERT_EQ(page->hits.size(), 3u);
  EXPECT_EQ(page->hits[0].rank, 4);
  Result<SearchResults> past = (*searcher)->Search({.text = "branch:arxiv", .offset = kMaxResults});
  ASSERT_TRUE(past);
  EXPECT_THAT(past->hits, IsEmpty());
  EXPECT_FALSE((*searcher)->Search({.text = "gemma", .offset = -1}));
}

TEST(Searcher, NewestFirstSortsByDay) {
  coolpapers::testing::TempDir dir;
  auto indexer = OpenIndexer(dir.path());
  ASSERT_TRUE(indexer->Index(SearchTestPapers()));
  auto searcher = Searcher::Open(dir.path());
  ASSERT_TRUE(searcher);
  Result<SearchResults> results =
      (*searcher)->Search({.text = "cat:cs.CL", .sort = SearchSort::kNewest});
  ASSERT_TRUE(results);
  std::vector<std::string> ids;
  for (const SearchHit& hit : results->hits) ids.push_back(hit.paper_id);
  EXPECT_THAT(ids, ElementsAre("2507.00012", "2505.00007", "2505.00005", "2503.00001"));
}

// Equal weights rank newest first on every page, whichever page edge the tie crosses and in
// whatever order the papers were indexed (Xapian alone would order them by document number).
TEST(Searcher, EqualWeightsAreNewestFirstOnEveryPage) {
  coolpapers::testing::TempDir dir;
  std::vector<Paper> papers;
  const auto paper = [](int n, const std::string& title) {
    Paper made;
    made.id = "2501.0000" + std::to_string(n);
    made.version = 1;
    made.title = title;
    made.abstract = "We study widgets.";
    made.authors = {"Ada Lovelace"};
    made.categories = {"cs.LG"};
    made.first_listed = Date::FromYmd(2025, 1, static_cast<unsigned>(n));
    return made;
  };
  // Indexed oldest last in places, so document numbers are not the newest-first order.
  for (int n : {3, 1, 7, 5, 2, 6}) papers.push_back(paper(n, "A Widget Survey"));
  papers.push_back(paper(4, "Widget Widget Widget"));  // outweighs the six equal ones
  papers.push_back(paper(8, "Widget Widget Widget"));
  auto indexer = OpenIndexer(dir.path());
  ASSERT_TRUE(indexer->Index(papers));
  const std::vector<std::string> expected = {"2501.00008", "2501.00004", "2501.00007",
                                             "2501.00006", "2501.00005", "2501.00003",
                                             "2501.00002", "2501.00001"};
  EXPECT_EQ(SearchIds(dir.path(), "widget"), expected);
  auto searcher = Searcher::Open(dir.path());
  ASSERT_TRUE(searcher);
  for (int limit = 1; limit <= 4; ++limit) {
    for (int offset = 0; offset < 8; ++offset) {
      Result<SearchResults> page = (*searcher)->Search({.text = "widget", .offset = offset,
                                                        .limit = limit});
      ASSERT_TRUE(page);
      std::vector<std::string> ids;
      for (const SearchHit& hit : page->hits) {
        EXPECT_EQ(hit.rank, offset + static_cast<int>(ids.size()));
        ids.push_back(hit.paper_id);
      }
      const auto from = expected.begin() + offset;
      EXPECT_EQ(ids, std::vector<std::string>(from, from + std::min<int>(limit, 8 - offset)))
          << "offset " << offset << ", limit " << limit;
      EXPECT_TRUE(page->total_exact);
      EXPECT_EQ(page->total_estimate, 8);
    }
  }
}

// The same when the equal weights run far past the page (more than the matches past the page
// that the first match reads), so the page comes from the match with Xapian's tie-break.
TEST(Searcher, EqualWeightsLongerThanThePageAreNewestFirst) {
  coolpapers::testing::TempDir dir;
  const auto id = [](int n) {
    const std::string digits = std::to_string(n);
    return "2501." + std::string(5 - digits.size(), '0') + digits;
  };
  std::vector<Paper> papers;
  for (int n = 0; n < 80; ++n) {
    Paper made;
    made.id = id((n * 37) % 80 + 1);  // indexed out of id order
    made.version = 1;
    made.title = "A Widget Survey";
    made.abstract = "We study widgets.";
    made.authors = {"Ada Lovelace"};
    made.categories = {"cs.LG"};
    made.first_listed = Date::FromYmd(2025, 1, 2);
    papers.push_back(made);
  }
  auto indexer = OpenIndexer(dir.path());
  ASSERT_TRUE(indexer->Index(papers));
  auto searcher = Searcher::Open(dir.path());
  ASSERT_TRUE(searcher);
  for (const int limit : {1, 10, 25}) {
    Result<SearchResults> page = (*searcher)->Search({.text = "widget", .limit = limit});
    ASSERT_TRUE(page);
    ASSERT_EQ(page->hits.size(), static_cast<std::size_t>(limit));
    for (int i = 0; i < limit; ++i) {
      EXPECT_EQ(page->hits[static_cast<std::size_t>(i)].paper_id, id(80 - i))
          << "limit " << limit;
      EXPECT_EQ(page->hits[static_cast<std::size_t>(i)].rank, i);
    }
    EXPECT_EQ(page->total_estimate, 80);
  }
}

TEST(Searcher, FindsAuthorsWhoseTexAccentsSitOnAccentedLetters) {
  coolpapers::testing::TempDir dir;
  std::vector<Paper> papers = SearchTestPapers();
  // 2507.06261's author list as the daily data spells it: "Nguy\~ên" must read Nguyễn.
  papers.front().authors = NormalizeAuthorNames({"Gemini Team", "Nguy\\~ên"}).names;
  auto indexer = OpenIndexer(dir.path());
  ASSERT_TRUE(indexer->Index(papers));
  auto searcher = Searcher::Open(dir.path());
  ASSERT_TRUE(searcher);
  for (const std::string query : {"Nguyễn", "author:Nguyễn"}) {
    Result<SearchResults> results = (*searcher)->Search({.text = query});
    ASSERT_TRUE(results) << query;
    ASSERT_EQ(results->hits.size(), 1u) << query;
    EXPECT_EQ(results->hits[0].paper_id, papers.front().id) << query;
  }
}

}  // namespace
}  // namespace coolpapers::search
