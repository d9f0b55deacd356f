// Searches over real arXiv records from ../shared/data: two months, parsed by the importer's
// own record parser, so the index sees papers exactly as the store would hold them. One test,
// because indexing is the expensive part and each TEST runs in its own process.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "ingest/record_parser.h"
#include "search/paper_indexer.h"
#include "search/searcher.h"
#include "tests/support/shared_data.h"
#include "tests/support/temp_dir.h"

namespace coolpapers::search {
namespace {

std::vector<Paper> ReadPapers(const std::filesystem::path& file) {
  std::vector<Paper> papers;
  std::ifstream in(file);
  std::string line;
  int64_t position = 0;
  while (std::getline(in, line)) {
    Result<PaperRecord> record = ingest::ParseRecordLine(line, ++position);
    EXPECT_TRUE(record) << file << ":" << position << ": " << record.error().message;
    if (record) papers.push_back(std::move(record->paper));
  }
  return papers;
}

// The words of a keyword: "instruction following" -> {"instruction", "following"}.
std::vector<std::string> Words(const std::string& keyword) {
  std::vector<std::string> words;
  std::istringstream in(keyword);
  for (std::string word; in >> word;) words.push_back(word);
  return words;
}

TEST(SearcherRealData, FindsTitlesAndFiltersByCategoryAndDay) {
  COOLPAPERS_REQUIRE_SHARED_DATA(data);
  const std::filesystem::path metadata = data / "metadata" / "daily-arxiv-cs-2025";
  std::vector<Paper> papers = ReadPapers(metadata / "2025-03.jsonl");
  std::vector<Paper> may = ReadPapers(metadata / "2025-05.jsonl");
  papers.insert(papers.end(), std::make_move_iterator(may.begin()),
                std::make_move_iterator(may.end()));
  ASSERT_GT(papers.size(), 7000u);
  std::map<std::string, const Paper*> by_id;
  for (const Paper& paper : papers) by_id[paper.id] = &paper;

  coolpapers::testing::TempDir dir;
  Result<std::unique_ptr<PaperIndexer>> indexer = PaperIndexer::Open(dir.path());
  ASSERT_TRUE(indexer) << indexer.error().detail;
  ASSERT_TRUE((*indexer)->Index(papers));
  Result<std::unique_ptr<Searcher>> searcher = Searcher::Open(dir.path());
  ASSERT_TRUE(searcher) << searcher.error().detail;
  const auto search = [&](const std::string& text, int limit) {
    Result<SearchResults> results = (*searcher)->Search({.text = text, .limit = limit});
    EXPECT_TRUE(results) << text << ": " << results.error().detail;
    return results ? *results : SearchResults{};
  };

  // An exact title finds its paper first.
  for (const auto& [title, id] : std::vector<std::pair<std::string, std::string>>{
           {"Gemma 3 Technical Report", "2503.19786"}, {"Qwen3 Technical Report", "2505.09388"}}) {
    ASSERT_TRUE(by_id.contains(id)) << id << " is not in the sample";
    const SearchResults results = search(title, 5);
    ASSERT_FALSE(results.hits.empty()) << title;
    EXPECT_EQ(results.hits.front().paper_id, id) << title;
  }

  // Filters return only what the data says.
  const SearchResults in_category = search("language model cat:cs.RO", 200);
  EXPECT_FALSE(in_category.hits.empty());
  for (const SearchHit& hit : in_category.hits) {
    EXPECT_THAT(by_id.at(hit.paper_id)->categories, ::testing::Contains("cs.RO")) << hit.paper_id;
  }
  const SearchResults in_days = search("diffusion date:2025-05-01..2025-05-15", 1000);
  EXPECT_FALSE(in_days.hits.empty());
  for (const SearchHit& hit : in_days.hits) {
    const Paper& paper = *by_id.at(hit.paper_id);
    ASSERT_TRUE(paper.first_listed) << hit.paper_id;
    EXPECT_GE(*paper.first_listed, Date::FromYmd(2025, 5, 1)) << hit.paper_id;
    EXPECT_LE(*paper.first_listed, Date::FromYmd(2025, 5, 15)) << hit.paper_id;
  }
  // The cap: never more than kMaxResults hits, whatever the estimate.
  const SearchResults common = search("learning", 5000);
  EXPECT_LE(common.hits.size(), static_cast<std::size_t>(kMaxResults));
  EXPECT_GT(common.total_estimate, kMaxResults);

  // Related papers: the paper's own distinctive words, then other papers that use them.
  Result<RelatedPapers> related = (*searcher)->Related("2505.09388", 10);
  ASSERT_TRUE(related) << related.error().message;
  ASSERT_FALSE(related->keywords.empty());
  EXPECT_LE(related->keywords.size(), static_cast<std::size_t>(kKeywordsPerPaper));
  const Paper& qwen = *by_id.at("2505.09388");
  std::string qwen_text = qwen.title + " " + qwen.abstract;
  std::ranges::transform(qwen_text, qwen_text.begin(), [](unsigned char c) { return std::tolower(c); });
  for (const std::string& keyword : related->keywords) {
    // A word, or a phrase of two ("instruction following"), each word the paper's own.
    EXPECT_THAT(keyword, ::testing::MatchesRegex("[a-z]+( [a-z]+)?")) << keyword;
    for (const std::string& word : Words(keyword)) {
      EXPECT_NE(qwen_text.find(word), std::string::npos) << keyword << " is not the paper's word";
    }
  }
  ASSERT_EQ(related->hits.size(), 10u);
  for (const SearchHit& hit : related->hits) {
    EXPECT_NE(hit.paper_id, "2505.09388") << "a paper is not related to itself";
    const Paper& other = *by_id.at(hit.paper_id);
    std::string text = other.title + " " + other.abstract + " ";
    for (const std::string& author : other.authors) text += author + " ";
    std::ranges::transform(text, text.begin(), [](unsigned char c) { return std::tolower(c); });
    EXPECT_TRUE(std::ranges::any_of(related->keywords, [&](const std::string& keyword) {
      return std::ranges::all_of(Words(keyword), [&](const std::string& word) {
        return text.find(word) != std::string::npos;
      });
    })) << hit.paper_id << " shares no keyword";
  }
  Result<RelatedPapers> unknown = (*searcher)->Related("2505.99999", 10);
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, ErrorCode::kNotFound);

  // Issue #15 upgrade 7, Gemma 3's report: no boilerplate or stray English among its keywords,
  // phrases kept whole, and its related list led by papers about Gemma, not by other papers
  // that only share "technical report".
  Result<RelatedPapers> gemma = (*searcher)->Related("2503.19786", 10);
  ASSERT_TRUE(gemma) << gemma.error().message;
  for (const std::string bad : {"technical", "report", "explode", "wider", "tends"}) {
    EXPECT_THAT(gemma->keywords, ::testing::Not(::testing::Contains(bad)));
  }
  EXPECT_EQ(gemma->keywords.front(), "gemma");
  EXPECT_THAT(gemma->keywords, ::testing::Contains("instruction following"));
  ASSERT_GE(gemma->hits.size(), 5u);
  for (size_t i = 0; i < 5; ++i) {
    const Paper& other = *by_id.at(gemma->hits[i].paper_id);
    std::string title = other.title;
    std::string text = other.title + " " + other.abstract;
    std::ranges::transform(title, title.begin(), [](unsigned char c) { return std::tolower(c); });
    std::ranges::transform(text, text.begin(), [](unsigned char c) { return std::tolower(c); });
    // On its subject: Gemma, or instruction-tuned models as the report is ...
    EXPECT_TRUE(text.find("gemma") != std::string::npos ||
                text.find("instruction") != std::string::npos)
        << other.title;
    // ... and not another technical report for the words "technical report".
    EXPECT_EQ(title.find("technical report"), std::string::npos) << other.title;
  }
}

}  // namespace
}  // namespace coolpapers::search
