// The held-out evaluation of [REL] (docs/recommendations.md): for every author of the real
// records with at least 6 papers, their newest paper asks for its 100 related papers. A good
// list ranks the paper's co-authored papers (any of its authors) high and keeps to its topic:
// prints the mean reciprocal rank of the first co-authored paper, the share of co-authored
// papers in the top 20, and the share of the top 10 in the paper's primary category; then
// Gemma 3's report (2503.19786) as an example.
//   related_eval [--metadata DIR] [--index DIR] [--every N]   (every N-th author; default 1)
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "bench/bench_papers.h"
#include "bench/held_out.h"
#include "search/searcher.h"

namespace {

namespace bench = coolpapers::bench;
namespace search = coolpapers::search;

constexpr int kRelated = 100;


}  // namespace

int main(int argc, char** argv) {
  const bench::RealDataFlags flags = bench::ParseRealDataFlags(argc, argv);
  std::optional<bench::RealData> data = bench::OpenRealData(flags);
  if (!data) return 1;
  const std::vector<coolpapers::Paper>& papers = data->papers;
  search::Searcher& searcher = *data->searcher;
  const auto index = bench::PaperIndex(papers);
  std::unordered_map<std::string, std::vector<size_t>> by_author;
  for (size_t i = 0; i < papers.size(); ++i) {
    for (const std::string& author : papers[i].authors) by_author[author].push_back(i);
  }
  const std::vector<bench::AuthorPapers> authors = bench::HeldOutAuthors(papers, flags.every);

  std::vector<size_t> first_coauthored;
  double coauthored_share = 0, category_share = 0;
  size_t queries = 0;
  std::unordered_set<std::string> asked;
  for (const bench::AuthorPapers& author : authors) {
    const std::string& id = author.held_out.back();
    if (!asked.insert(id).second) continue;
    const coolpapers::Paper& paper = papers[index.at(id)];
    std::unordered_set<std::string> coauthored;
    for (const std::string& name : paper.authors) {
      for (const size_t other : by_author[name]) coauthored.insert(papers[other].id);
    }
    coauthored.erase(id);
    auto related = searcher.Related(id, kRelated);
    if (!related) {
      std::cerr << "related_eval: " << related.error().message << "\n";
      return 1;
    }
    ++queries;
    size_t first = 0, in_top20 = 0, same_category = 0;
    for (size_t rank = 1; rank <= related->hits.size(); ++rank) {
      const std::string& hit = related->hits[rank - 1].paper_id;
      if (coauthored.contains(hit)) {
        if (first == 0) first = rank;
        if (rank <= 20) ++in_top20;
      }
      const auto found = index.find(hit);
      if (rank <= 10 && found != index.end() &&
          papers[found->second].primary_category() == paper.primary_category()) {
        ++same_category;
      }
    }
    first_coauthored.push_back(first);
    coauthored_share += static_cast<double>(in_top20) /
                        static_cast<double>(std::min<size_t>(20, std::max<size_t>(1, coauthored.size())));
    category_share += static_cast<double>(same_category) / 10.0;
  }
  const bench::RankSummary summary = bench::Summarize(first_coauthored);
  std::printf("queries (newest paper of every %d-th author with >= %zu papers): %zu\n", flags.every,
              bench::kMinAuthorPapers, queries);
  std::printf("first co-authored paper\tMRR %.4f, in top 10 %.3f, median rank %.0f\n", summary.mrr,
              summary.hit_at_10, summary.median_rank);
  std::printf("co-authored papers in the top 20\t%.3f of min(20, co-authored)\n",
              coauthored_share / static_cast<double>(std::max<size_t>(1, queries)));
  std::printf("top 10 in the paper's primary category\t%.3f\n",
              category_share / static_cast<double>(std::max<size_t>(1, queries)));

  const std::string example = "2503.19786";
  if (auto related = searcher.Related(example, 10); related && index.contains(example)) {
    std::printf("\n%s %s\nkeywords:", example.c_str(), papers[index.at(example)].title.c_str());
    for (const std::string& keyword : related->keywords) std::printf(" [%s]", keyword.c_str());
    std::printf("\n");
    for (const search::SearchHit& hit : related->hits) {
      const auto found = index.find(hit.paper_id);
      std::printf("  %s %s\n", hit.paper_id.c_str(),
                  found == index.end() ? "?" : papers[found->second].title.c_str());
    }
  }
  return 0;
}
