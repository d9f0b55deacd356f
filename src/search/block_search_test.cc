// Reading by blocks (block_plan.h, searcher.cc MatchByBlocks) gives exactly the page Xapian
// gives reading everything: the same papers, in the same order, with the same weights, also
// after papers were replaced or added since the bounds were built. Xapian reading every match
// (SearcherOptions::candidates_worth_blocks = 0) is the oracle.
#include <gtest/gtest.h>
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <memory>
#include <random>
#include <span>
#include <string>
#include <vector>

#include "core/date.h"
#include "search/block_bounds_record.h"
#include "search/index_layout.h"
#include "search/paper_indexer.h"
#include "search/searcher.h"
#include "tests/support/temp_dir.h"

namespace coolpapers::search {
namespace {

const std::vector<std::string> kWords = {
    "transformer", "graph",  "robot",  "speech",    "vision",   "agent",  "diffusion",
    "reasoning",   "memory", "sparse", "attention", "retrieval", "policy", "kernel"};

// Papers of those words, the first ones far commoner than the last (as real titles are), with
// titles and abstracts of lengths that vary, so that weights vary.
std::vector<Paper> WordPapers(int count, int first_number = 0) {
  std::mt19937 random(11 + first_number);
  std::vector<Paper> papers;
  std::vector<double> shares;  // word i about as often as 1 / (i + 1)
  for (std::size_t i = 0; i < kWords.size(); ++i) shares.push_back(1.0 / static_cast<double>(i + 1));
  std::discrete_distribution<std::size_t> pick(shares.begin(), shares.end());
  const auto word = [&] { return kWords[pick(random)]; };
  for (int i = first_number; i < first_number + count; ++i) {
    char id[16];
    std::snprintf(id, sizeof id, "2502.%05d", i);
    Paper paper;
    paper.id = id;
    for (int w = 0, n = 2 + static_cast<int>(random() % 7); w < n; ++w) {
      paper.title += word() + " ";
      // A stop word now and then, which abstracts do not index and titles do.
      if (random() % 6 == 0) paper.title += "for ";
    }
    for (int w = 0, n = 10 + static_cast<int>(random() % 60); w < n; ++w) {
      paper.abstract += word() + " ";
      if (random() % 6 == 0) paper.abstract += "for ";
    }
    // One paper in 20 by someone named as two of the words: their author readings are kept.
    paper.authors = {i % 20 == 0 ? "Robot Graph" : "Ada Lovelace"};
    paper.categories = {random() % 2 == 0 ? "cs.CL" : "cs.LG"};
    paper.first_listed = Date(std::chrono::sys_days(std::chrono::year(2024) / 1 / 1) +
                              std::chrono::days(i % 300));
    papers.push_back(std::move(paper));
  }
  return papers;
}

// Builds the index's bounds with blocks small enough for a test's few thousand papers (the
// default makes 4,096 blocks and keeps parts for terms in 2% of the papers).
void BoundBlocks(const std::filesystem::path& index_dir) {
  const Result<int> generation = ReadCurrentGeneration(index_dir);
  ASSERT_TRUE(generation);
  Xapian::WritableDatabase database(GenerationPath(index_dir, *generation).string(),
                                    Xapian::DB_OPEN);
  StoreNewBlockBounds(database, GenerationPath(index_dir, *generation),
                      {.max_blocks = 256, .min_termfreq = 100});
  database.commit();
}

// Phrases of common words, read by tiers when the page is among the best of their AND
// (tier_match.h): in title and abstract, with a stop word (in titles only), in author names
// ("Robot Graph"), and with a filter (read whole).
std::vector<std::string> Phrases() {
  return {"\"transformer graph\"", "\"graph transformer\"", "\"Transformer Graph\"",
          "\"transformer transformer\"", "\"vision reasoning\"", "\"transformer graph robot\"",
          "\"transformer for graph\"", "\"robot graph\"", "\"kernel policy\"",
          "\"transformer graph\" cat:cs.CL"};
}

std::vector<std::string> Queries() {
  std::vector<std::string> queries;
  for (const std::string& word : kWords) {
    queries.push_back(word);
    std::string capital = word;
    capital[0] = static_cast<char>(capital[0] - 'a' + 'A');
    queries.push_back(capital);  // searched unstemmed
    queries.push_back(word + "s");  // a stem and the exact form
    queries.push_back(word + " cat:cs.CL");
    queries.push_back(word + " -graph");
  }
  // A stop word alone searches titles: a word of titles alone, with tiers of its own.
  queries.push_back("for");
  queries.push_back("For");
  queries.push_back("transformer OR graph");
  queries.push_back("robot OR speech OR kernel");
  queries.push_back("title:transformer");
  queries.push_back("abstract:graph");
  // ANDs of common words: by tiers (word_tiers.h), never by blocks.
  for (const std::string conjunction :
       {"transformer graph", "Transformer Graph", "transformers graphs", "vision reasoning",
        "kernel policy", "robot speech vision", "memory sparse attention retrieval",
        "Agent diffusions", "graph robot cat:cs.CL", "transformer graph -kernel",
        "title:transformer graph"}) {
    queries.push_back(conjunction);
  }
  for (const std::string& phrase : Phrases()) queries.push_back(phrase);
  return queries;
}

// Every query, first and later pages, by blocks and whole: the same page.
void ExpectSamePages(Searcher& by_blocks, Searcher& whole,
                     const std::vector<std::string>& queries = Queries()) {
  for (const std::string& text : queries) {
    for (const auto& [offset, limit] : {std::pair{0, 10}, std::pair{0, 25}, std::pair{40, 25}}) {
      const SearchQuery query{.text = text, .offset = offset, .limit = limit};
      Result<SearchResults> fast = by_blocks.Search(query);
      Result<SearchResults> oracle = whole.Search(query);
      ASSERT_TRUE(fast && oracle) << text;
      ASSERT_EQ(fast->hits.size(), oracle->hits.size()) << text << " @" << offset;
      for (std::size_t i = 0; i < fast->hits.size(); ++i) {
        EXPECT_EQ(fast->hits[i].paper_id, oracle->hits[i].paper_id) << text << " #" << i;
        EXPECT_EQ(fast->hits[i].rank, oracle->hits[i].rank) << text << " #" << i;
        EXPECT_NEAR(fast->hits[i].score, oracle->hits[i].score, 1e-9) << text << " #" << i;
      }
      // Counts: never more than there are, exact where they were (up to 100), and the same
      // answer to whether a next page exists.
      if (oracle->total_exact) {
        EXPECT_LE(fast->total_at_least, oracle->total_at_least) << text;
        if (oracle->total_at_least <= 100) {
          EXPECT_TRUE(fast->total_exact) << text;
          EXPECT_EQ(fast->total_at_least, oracle->total_at_least) << text;
        }
      }
      EXPECT_EQ(offset + limit < fast->total_at_least, offset + limit < oracle->total_at_least)
          << text;
    }
  }
}

class BlockSearchTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(IndexPapers(WordPapers(6000))); }

  // Indexes `papers` into the test's index (added, or replacing those of the same ids).
  bool IndexPapers(const std::vector<Paper>& papers) {
    Result<std::unique_ptr<PaperIndexer>> indexer = PaperIndexer::Open(dir_.path());
    EXPECT_TRUE(indexer) << indexer.error().detail;
    return indexer && (*indexer)->Index(papers).has_value();
  }

  std::unique_ptr<Searcher> Open(
      int64_t candidates_worth_blocks,
      int64_t phrase_titles_first = SearcherOptions{}.phrase_titles_first) {
    Result<std::unique_ptr<Searcher>> searcher =
        // No time budget: these tests compare pages, and a starved test process (a loaded
        // machine) must not turn a search into a timeout.
        Searcher::Open(dir_.path(), {.time_limit = std::chrono::microseconds{0},
                                     .candidates_worth_blocks = candidates_worth_blocks,
                                     .phrase_titles_first = phrase_titles_first});
    EXPECT_TRUE(searcher) << searcher.error().detail;
    return searcher ? *std::move(searcher) : nullptr;
  }

  coolpapers::testing::TempDir dir_;
};

TEST_F(BlockSearchTest, ThePageIsTheOneXapianGivesReadingEverything) {
  BoundBlocks(dir_.path());
  std::unique_ptr<Searcher> by_blocks = Open(1);
  std::unique_ptr<Searcher> whole = Open(0);
  ASSERT_TRUE(by_blocks && whole);
  ExpectSamePages(*by_blocks, *whole);
  // Plain words alone and their ANDs were read by tiers (14 words in 3 forms, a stop word in 2
  // and 7 ANDs, 3 pages each), words with an exclusion, an OR or one field by blocks: the
  // comparison above is not of two whole reads.
  EXPECT_GE(by_blocks->SearchesReadByTiers(), (14 * 3 + 2 + 7) * 3);
  EXPECT_GE(by_blocks->SearchesReadByBlocks(), 20);
  // Of those, the words searched as typed (no stem, whose exact title forms the tiers do not
  // weigh) and without an author reading were weighed by the tiers too: the capitalised words
  // but "Robot" and "Graph", which name authors (the ANDs here have one of those, or a stem).
  EXPECT_GE(by_blocks->SearchesWeighedByTiers(), 12 * 3);
  EXPECT_LT(by_blocks->SearchesWeighedByTiers(), by_blocks->SearchesReadByTiers());
  // A stop word alone among them, read by its tiers of titles alone.
  const int64_t by_tiers_before = by_blocks->SearchesReadByTiers();
  ASSERT_TRUE(by_blocks->Search({.text = "for"}));
  EXPECT_EQ(by_blocks->SearchesReadByTiers(), by_tiers_before + 1);
  EXPECT_EQ(whole->SearchesReadByBlocks(), 0);
  EXPECT_EQ(whole->SearchesReadByTiers(), 0);
}

TEST_F(BlockSearchTest, EqualWeightsWeighedByTiersAreInTheOrderXapianGivesThem) {
  // 40 papers of the same text on different days weigh the same, more than any other for
  // "Transformer Vision": Xapian puts them newest first, on every page they fill and across its
  // edges.
  std::vector<Paper> same = WordPapers(40, 6000);
  for (Paper& paper : same) {
    paper.title = "transformer vision transformer vision transformer vision";
    paper.abstract = "vision transformer";
    paper.authors = {"Ada Lovelace"};
  }
  ASSERT_TRUE(IndexPapers(same));
  BoundBlocks(dir_.path());
  std::unique_ptr<Searcher> by_tiers = Open(1);
  std::unique_ptr<Searcher> whole = Open(0);
  ASSERT_TRUE(by_tiers && whole);
  ExpectSamePages(*by_tiers, *whole, {"Transformer Vision", "Transformer", "Vision Transformer"});
  // The first two, at least, on each of their three pages.
  EXPECT_GE(by_tiers->SearchesWeighedByTiers(), 2 * 3);
  Result<SearchResults> first = by_tiers->Search({.text = "Transformer Vision", .limit = 10});
  ASSERT_TRUE(first && first->hits.size() == 10u);
  for (const SearchHit& hit : first->hits) {
    EXPECT_EQ(hit.score, first->hits.front().score);
    EXPECT_GE(hit.paper_id, "2502.06000");  // one of the 40
  }
}

TEST_F(BlockSearchTest, PhrasesOfCommonWordsAreReadByTiers) {
  BoundBlocks(dir_.path());
  std::unique_ptr<Searcher> whole = Open(0);
  ASSERT_TRUE(whole);
  // With their titles' matches found first where the tiers alone give up (every title word
  // here is in few enough papers), and without.
  for (const int64_t titles_first : {SearcherOptions{}.phrase_titles_first, int64_t{0}}) {
    std::unique_ptr<Searcher> by_tiers = Open(1, titles_first);
    ASSERT_TRUE(by_tiers);
    ExpectSamePages(*by_tiers, *whole, Phrases());
    // The pages of half the phrases or more were found by tiers (3 pages each): the comparison
    // is not of two whole reads.
    EXPECT_GE(by_tiers->SearchesReadByTiers(), 5 * 3) << titles_first;
  }
  EXPECT_EQ(whole->SearchesReadByTiers(), 0);
}

// "alpha for beta" in the titles of 30 papers, heavier than 400 papers of "beta for alpha" in
// their titles and neither phrase in their abstracts, which the tiers bound higher (shorter),
// and of which Xapian matches none. Read from the tiers alone, the page is not among the best
// they show; with the titles' matches found first, the others are bounded by their abstracts.
TEST_F(BlockSearchTest, APhraseInTitlesOfWordsInOtherOrderIsFoundByItsTitlesFirst) {
  std::vector<Paper> papers = WordPapers(430, 6000);
  for (std::size_t i = 0; i < papers.size(); ++i) {
    if (i < 30) {
      // Each a length of its own, so that no two weigh the same.
      papers[i].title = "alpha for beta graph";
      papers[i].abstract = "alpha beta";
      for (std::size_t filler = 0; filler < i; ++filler) papers[i].abstract += " graph";
    } else {
      papers[i].title = "beta for alpha";
      papers[i].abstract = "alpha robot beta";
    }
  }
  ASSERT_TRUE(IndexPapers(papers));
  BoundBlocks(dir_.path());
  std::unique_ptr<Searcher> titles_first = Open(1);
  std::unique_ptr<Searcher> tiers_alone = Open(1, 0);
  std::unique_ptr<Searcher> whole = Open(0);
  ASSERT_TRUE(titles_first && tiers_alone && whole);
  for (Searcher* searcher : {titles_first.get(), tiers_alone.get()}) {
    Result<SearchResults> found = searcher->Search({.text = "\"alpha for beta\""});
    ASSERT_TRUE(found) << found.error().detail;
    EXPECT_EQ(found->hits.size(), 25u);
    EXPECT_TRUE(found->total_exact);
    EXPECT_EQ(found->total_at_least, 30);
  }
  EXPECT_EQ(titles_first->SearchesReadByTiers(), 1);
  EXPECT_EQ(tiers_alone->SearchesReadByTiers(), 0);  // left to Xapian
  ExpectSamePages(*titles_first, *whole, {"\"alpha for beta\"", "\"beta for alpha\""});
}

// A phrase of fewer matches than are counted exactly (100), its page found by tiers: its total
// is exact, as Xapian's. "alpha beta" in 60 short papers, its words apart in 400 others.
TEST_F(BlockSearchTest, APhraseOfFewMatchesFoundByTiersHasItsExactTotal) {
  std::vector<Paper> papers = WordPapers(460, 6000);
  for (std::size_t i = 0; i < papers.size(); ++i) {
    papers[i].title = i < 60 ? "alpha beta" : "beta transformer alpha";
    papers[i].abstract = i < 60 ? "alpha beta graph" : "beta graph alpha";
  }
  ASSERT_TRUE(IndexPapers(papers));
  BoundBlocks(dir_.path());
  std::unique_ptr<Searcher> by_tiers = Open(1);
  std::unique_ptr<Searcher> whole = Open(0);
  ASSERT_TRUE(by_tiers && whole);
  Result<SearchResults> found = by_tiers->Search({.text = "\"alpha beta\""});
  ASSERT_TRUE(found) << found.error().detail;
  EXPECT_EQ(by_tiers->SearchesReadByTiers(), 1);
  EXPECT_TRUE(found->total_exact);
  EXPECT_EQ(found->total_at_least, 60);
  ExpectSamePages(*by_tiers, *whole, {"\"alpha beta\"", "\"beta alpha\""});
}

TEST_F(BlockSearchTest, PapersReplacedOrAddedSinceTheBoundsAreFoundAtTheirWeight) {
  BoundBlocks(dir_.path());
  // Stronger for "vision" than any paper the bounds saw: a short title of it alone, and an
  // abstract of little else. One replaces a paper of the first block, one is new. Read by
  // tiers alone, and by blocks with an exclusion. Likewise for "graph robot" together (read by
  // tiers).
  std::vector<Paper> strong = WordPapers(4);
  strong[0].id = "2502.00003";
  strong[1].id = "2502.09999";
  for (Paper& paper : std::span(strong).first(2)) {
    paper.title = "vision vision vision";
    paper.abstract = "vision vision vision vision vision vision vision vision vision";
  }
  strong[2].id = "2502.00005";
  strong[3].id = "2502.09998";
  for (Paper& paper : std::span(strong).last(2)) {
    paper.title = "graph robot graph robot graph robot graph robot";
    paper.abstract = "robot graph robot graph robot graph robot graph robot graph robot graph";
    paper.authors = {"Robot Graph"};  // as the strongest others are
  }
  ASSERT_TRUE(IndexPapers(strong));
  {
    const Result<int> generation = ReadCurrentGeneration(dir_.path());
    ASSERT_TRUE(generation);
    const Xapian::Database database(GenerationPath(dir_.path(), *generation).string());
    const BlockBoundsRecord record = ReadBlockBoundsRecord(database);
    // 2502.00003 and 2502.00005, the fourth and sixth papers
    EXPECT_EQ(record.replaced, (std::vector<Xapian::docid>{4, 6}));
    EXPECT_EQ(record.covered_through, 6000u);
  }
  std::unique_ptr<Searcher> by_blocks = Open(1);
  std::unique_ptr<Searcher> whole = Open(0);
  ASSERT_TRUE(by_blocks && whole);
  // The first two papers of a page of 10, in id order.
  const auto best_two = [&](const std::string& text) {
    Result<SearchResults> found = by_blocks->Search({.text = text, .limit = 10});
    EXPECT_TRUE(found && found->hits.size() == 10u) << text;
    std::vector<std::string> best;
    if (found && found->hits.size() >= 2) best = {found->hits[0].paper_id, found->hits[1].paper_id};
    std::ranges::sort(best);
    return best;
  };
  EXPECT_EQ(best_two("vision"), (std::vector<std::string>{"2502.00003", "2502.09999"}));
  EXPECT_EQ(by_blocks->SearchesReadByTiers(), 1);
  EXPECT_EQ(best_two("vision -kernel"), (std::vector<std::string>{"2502.00003", "2502.09999"}));
  EXPECT_EQ(by_blocks->SearchesReadByBlocks(), 1);
  // Searched as typed (no stem), the word is weighed by its tiers, and the two papers the tiers
  // do not hold by Xapian.
  EXPECT_EQ(best_two("Vision"), (std::vector<std::string>{"2502.00003", "2502.09999"}));
  EXPECT_EQ(by_blocks->SearchesWeighedByTiers(), 1);
  EXPECT_EQ(by_blocks->SearchesReadByTiers(), 2);
  EXPECT_EQ(best_two("graph robot"), (std::vector<std::string>{"2502.00005", "2502.09998"}));
  EXPECT_EQ(by_blocks->SearchesReadByTiers(), 3);
  EXPECT_EQ(best_two("\"graph robot\""), (std::vector<std::string>{"2502.00005", "2502.09998"}));
  EXPECT_EQ(by_blocks->SearchesReadByTiers(), 4);
  ExpectSamePages(*by_blocks, *whole);
}

// The writer builds bounds when asked, and by itself only for an index big enough to need them
// (kPapersWorthBounds) once enough papers came in since the last build.
TEST_F(BlockSearchTest, TheWriterBuildsBoundsWhenAskedOrWhenStale) {
  Result<std::unique_ptr<PaperIndexer>> indexer = PaperIndexer::Open(dir_.path());
  ASSERT_TRUE(indexer) << indexer.error().detail;
  Result<bool> stale = (*indexer)->RefreshBlockBounds(/*only_if_stale=*/true);
  ASSERT_TRUE(stale) << stale.error().detail;
  EXPECT_FALSE(*stale);  // 6,000 papers: searched fast without
  Result<bool> asked = (*indexer)->RefreshBlockBounds(/*only_if_stale=*/false);
  ASSERT_TRUE(asked) << asked.error().detail;
  EXPECT_TRUE(*asked);
  indexer->reset();
  const Result<int> generation = ReadCurrentGeneration(dir_.path());
  ASSERT_TRUE(generation);
  const Xapian::Database database(GenerationPath(dir_.path(), *generation).string());
  const BlockBoundsRecord record = ReadBlockBoundsRecord(database);
  EXPECT_EQ(record.covered_through, 6000u);
  EXPECT_TRUE(record.replaced.empty());
  ASSERT_TRUE(ReadBlockBounds(database));
  std::unique_ptr<Searcher> by_blocks = Open(1);
  std::unique_ptr<Searcher> whole = Open(0);
  ASSERT_TRUE(by_blocks && whole);
  ExpectSamePages(*by_blocks, *whole);
}

TEST_F(BlockSearchTest, AnIndexWithoutBoundsIsReadWhole) {
  std::unique_ptr<Searcher> searcher = Open(1);
  ASSERT_TRUE(searcher);
  Result<SearchResults> found = searcher->Search({.text = "transformer"});
  ASSERT_TRUE(found);
  EXPECT_EQ(found->hits.size(), 25u);
  EXPECT_EQ(searcher->SearchesReadByBlocks(), 0);
}

}  // namespace
}  // namespace coolpapers::search
