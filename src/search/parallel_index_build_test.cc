#include "search/parallel_index_build.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <memory>
#include <random>
#include <span>
#include <string>
#include <vector>

#include "tests/support/search_test_papers.h"
#include "search/searcher.h"
#include "search/index_layout.h"
#include "search/paper_indexer.h"
#include "tests/support/temp_dir.h"

namespace coolpapers::search {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

// `count` papers "2601.00001"... that all carry the word "common" and one word of their own
// ("uniqueN"), first listed on consecutive days.
std::vector<Paper> NumberedPapers(int count) {
  std::vector<Paper> papers;
  for (int n = 1; n <= count; ++n) {
    Paper paper;
    const std::string number = std::to_string(n);
    paper.id = "2601." + std::string(5 - number.size(), '0') + number;
    paper.title = "A common title, paper unique" + number;
    paper.abstract = "Common words for every paper.";
    paper.authors = {"Ada Lovelace"};
    paper.categories = {"cs.CL"};
    paper.first_listed = Date::FromYmd(2026, 1, static_cast<unsigned>(1 + n % 28));
    papers.push_back(paper);
  }
  return papers;
}

// Opens `index_dir/gen-1` as the live index, for a Searcher to read what a build wrote there.
void MakeLive(const std::filesystem::path& index_dir) {
  ASSERT_TRUE(WriteCurrentGeneration(index_dir, 1));
}

TEST(ParallelIndexBuild, MergesEveryPartIntoOneIndex) {
  coolpapers::testing::TempDir dir;
  const std::vector<Paper> papers = NumberedPapers(100);
  // Three writers and parts of seven papers: many parts, each writer closing several.
  auto build = ParallelIndexBuild::Start(dir.path() / "parts", 3, 7);
  ASSERT_TRUE(build) << build.error().detail;
  for (std::size_t i = 0; i < papers.size(); i += 9) {
    ASSERT_TRUE((*build)->Add(std::span(papers).subspan(i, std::min<std::size_t>(9, papers.size() - i))));
  }
  bool merge_announced = false;
  Result<int64_t> written =
      (*build)->Finish(GenerationPath(dir.path(), 1), [&] { merge_announced = true; });
  ASSERT_TRUE(written) << written.error().detail;
  EXPECT_EQ(*written, 100);
  EXPECT_TRUE(merge_announced);
  build->reset();
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "parts"));

  MakeLive(dir.path());
  EXPECT_EQ(SearchIds(dir.path(), "common", 1000).size(), 100u);
  EXPECT_THAT(SearchIds(dir.path(), "unique37"), ElementsAre("2601.00037"));
  EXPECT_THAT(SearchIds(dir.path(), "unique100"), ElementsAre("2601.00100"));
}

// `count` papers of words drawn from small vocabularies, so that most words match many papers,
// scores tie and days are shared: what a merge of parts could get wrong shows in the results.
// A fixed seed and the engine's raw output (distributions differ between libraries).
std::vector<Paper> VariedPapers(int count) {
  static const std::vector<std::string> kWords = {
      "language", "model",    "models",  "vision",   "graph",   "neural",   "learning",
      "robust",   "sparse",   "agents",  "reasoning", "diffusion", "quantum", "retrieval",
      "the",      "of",       "for",     "on",       "images",  "image",    "training",
      "attention", "memory",  "planning", "Schrödinger", "kernel", "policy", "tokens"};
  static const std::vector<std::string> kAuthors = {"Ada Lovelace", "Alan Turing", "Grace Hopper",
                                                    "Edsger Dijkstra", "Barbara Liskov",
                                                    "Donald Knuth", "Frances Allen"};
  static const std::vector<std::string> kCategories = {"cs.CL", "cs.LG", "cs.CV", "cs.AI"};
  std::mt19937 random(19);
  const auto pick = [&random](const std::vector<std::string>& from) -> const std::string& {
    return from[random() % from.size()];
  };
  const auto text = [&](int min_words, int spread) {
    std::string words;
    const int length = min_words + static_cast<int>(random() % static_cast<unsigned>(spread));
    for (int i = 0; i < length; ++i) words += (i == 0 ? "" : " ") + pick(kWords);
    return words;
  };
  std::vector<Paper> papers;
  for (int n = 1; n <= count; ++n) {
    Paper paper;
    const std::string number = std::to_string(n);
    paper.id = "2602." + std::string(5 - number.size(), '0') + number;
    paper.title = text(3, 6);
    paper.abstract = text(10, 30);
    paper.authors = {pick(kAuthors), pick(kAuthors)};
    paper.categories = {pick(kCategories)};
    if (random() % 4 == 0) paper.categories.push_back(pick(kCategories));
    paper.first_listed = Date::FromYmd(2026, 2, static_cast<unsigned>(1 + random() % 6));
    papers.push_back(paper);
  }
  return papers;
}

// What a reader sees of a search: the totals, then each hit's id and score in order. Newest
// first, papers of one day and one score come in Xapian's document-number order, which a
// sharded build assigns differently (Searcher fixes the order of equal scores for relevance
// only), so there the hits are compared as a set beside the sequence of scores.
std::string Answer(const std::filesystem::path& index_dir, const std::string& text,
                   SearchSort sort) {
  Result<std::unique_ptr<Searcher>> searcher = Searcher::Open(index_dir);
  if (!searcher) return "error: " + searcher.error().message;
  Result<SearchResults> results = (*searcher)->Search({.text = text, .limit = 1000, .sort = sort});
  if (!results) return "error: " + results.error().message;
  std::string answer = std::to_string(results->total_estimate) +
                       (results->total_exact ? " exactly, " : " about, ") +
                       std::to_string(results->total_at_least) + " at least:";
  std::vector<std::string> hits;
  for (const SearchHit& hit : results->hits) {
    hits.push_back(hit.paper_id + "=" + std::to_string(hit.score));
    if (sort == SearchSort::kNewest) answer += " " + std::to_string(hit.score);
  }
  if (sort == SearchSort::kNewest) std::ranges::sort(hits);
  for (const std::string& hit : hits) answer += " " + hit;
  return answer;
}

TEST(ParallelIndexBuild, AnswersAsOneWriterDoes) {
  const std::vector<Paper> papers = VariedPapers(600);
  coolpapers::testing::TempDir one_writer;
  {
    Result<std::unique_ptr<PaperIndexer>> indexer = PaperIndexer::Open(one_writer.path());
    ASSERT_TRUE(indexer) << indexer.error().detail;
    ASSERT_TRUE((*indexer)->Index(papers));
  }
  coolpapers::testing::TempDir sharded;
  // Three writers, parts of 13 papers, batches of 17: dozens of parts, merged in several passes.
  auto build = ParallelIndexBuild::Start(sharded.path() / "parts", 3, 13);
  ASSERT_TRUE(build) << build.error().detail;
  for (std::size_t i = 0; i < papers.size(); i += 17) {
    ASSERT_TRUE((*build)->Add(std::span(papers).subspan(i, std::min<std::size_t>(17, papers.size() - i))));
  }
  ASSERT_EQ((*build)->Finish(GenerationPath(sharded.path(), 1)), 600);
  MakeLive(sharded.path());

  const std::vector<std::string> queries = {
      "model",          "language model",        "neural graph learning", "\"language model\"",
      "\"the model\"",  "title:of",              "abstract:images",       "image",
      "Schrodinger",    "author:\"Alan Turing\"", "author:knuth",         "cat:cs.LG",
      "cat:cs.CV cat:cs.AI", "date:2026-02-03",  "vision OR quantum",     "model -vision",
      "retrieval date:2026-02-02..2026-02-04 cat:cs.CL", "sparse kernel policy tokens"};
  for (const std::string& query : queries) {
    for (SearchSort sort : {SearchSort::kRelevance, SearchSort::kNewest}) {
      const std::string expected = Answer(one_writer.path(), query, sort);
      EXPECT_THAT(expected, ::testing::Not(::testing::StartsWith("error"))) << query;
      EXPECT_THAT(expected, ::testing::Not(::testing::StartsWith("0 "))) << query;
      EXPECT_EQ(Answer(sharded.path(), query, sort), expected)
          << query << (sort == SearchSort::kNewest ? ", newest first" : ", by relevance");
    }
  }
}

TEST(ParallelIndexBuild, SkipsPapersWithoutAnId) {
  coolpapers::testing::TempDir dir;
  std::vector<Paper> papers = NumberedPapers(3);
  papers[1].id.clear();
  auto build = ParallelIndexBuild::Start(dir.path() / "parts", 2);
  ASSERT_TRUE(build);
  ASSERT_TRUE((*build)->Add(papers));
  EXPECT_EQ((*build)->Finish(GenerationPath(dir.path(), 1)), 2);
  MakeLive(dir.path());
  EXPECT_THAT(SearchIds(dir.path(), "unique2"), IsEmpty());
}

TEST(ParallelIndexBuild, AnEmptyBuildGivesAnEmptyIndex) {
  coolpapers::testing::TempDir dir;
  auto build = ParallelIndexBuild::Start(dir.path() / "parts", 2);
  ASSERT_TRUE(build);
  EXPECT_EQ((*build)->Finish(GenerationPath(dir.path(), 1)), 0);
  MakeLive(dir.path());
  EXPECT_THAT(SearchIds(dir.path(), "common"), IsEmpty());
}

TEST(ParallelIndexBuild, AnAbandonedBuildRemovesItsParts) {
  coolpapers::testing::TempDir dir;
  const std::vector<Paper> papers = NumberedPapers(20);
  {
    auto build = ParallelIndexBuild::Start(dir.path() / "parts", 2, 5);
    ASSERT_TRUE(build);
    ASSERT_TRUE((*build)->Add(papers));
  }  // never finished: the source failed, say
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "parts"));
  EXPECT_FALSE(std::filesystem::exists(GenerationPath(dir.path(), 1)));
}

TEST(ParallelIndexBuild, AMergeThatCannotWriteItsOutputFails) {
  coolpapers::testing::TempDir dir;
  std::ofstream(dir.path() / "a-file") << "in the way";
  auto build = ParallelIndexBuild::Start(dir.path() / "parts", 2);
  ASSERT_TRUE(build);
  ASSERT_TRUE((*build)->Add(NumberedPapers(4)));
  Result<int64_t> written = (*build)->Finish(dir.path() / "a-file" / "gen-1");
  ASSERT_FALSE(written);
  EXPECT_EQ(written.error().code, ErrorCode::kUnavailable) << written.error().detail;
}

}  // namespace
}  // namespace coolpapers::search
