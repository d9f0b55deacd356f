// The held-out evaluation of "like my stars" (docs/recommendations.md): for every author of the
// real records with at least 6 papers, star the first half of their papers (listing order) and
// rank each day holding one of the other half by those stars; print the mean reciprocal rank of
// the held-out papers in their days against arXiv's own order (the day's listing order).
//   recs_eval [--metadata DIR] [--index DIR] [--every N]   (every N-th author; default 1)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <map>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "bench/bench_papers.h"
#include "bench/held_out.h"
#include "search/searcher.h"

namespace {

namespace bench = coolpapers::bench;
namespace search = coolpapers::search;


void Print(const char* name, const bench::RankSummary& summary) {
  std::printf("%s\tMRR %.4f, hit@10 %.3f, median rank %.0f (%zu held-out papers)\n", name,
              summary.mrr, summary.hit_at_10, summary.median_rank, summary.count);
}

}  // namespace

int main(int argc, char** argv) {
  const bench::RealDataFlags flags = bench::ParseRealDataFlags(argc, argv);
  std::optional<bench::RealData> data = bench::OpenRealData(flags);
  if (!data) return 1;
  const std::vector<coolpapers::Paper>& papers = data->papers;
  search::Searcher& searcher = *data->searcher;
  const auto index = bench::PaperIndex(papers);
  std::map<coolpapers::Date, std::vector<std::string>> days;
  for (auto& [day, ids] : bench::DayLists(papers)) days.emplace(day, std::move(ids));
  const std::vector<bench::AuthorPapers> authors = bench::HeldOutAuthors(papers, flags.every);

  std::vector<size_t> like_ranks, arxiv_ranks;
  std::vector<double> ms;
  for (const bench::AuthorPapers& author : authors) {
    const std::unordered_set<std::string> starred(author.starred.begin(), author.starred.end());
    std::map<coolpapers::Date, std::vector<std::string>> held_by_day;
    for (const std::string& id : author.held_out) {
      held_by_day[*papers[index.at(id)].first_listed].push_back(id);
    }
    for (const auto& [day, held] : held_by_day) {
      search::StarQuery query;
      query.stars = author.starred;
      for (const std::string& id : days.at(day)) {
        if (!starred.contains(id)) query.candidates.push_back(id);
      }
      const auto start = std::chrono::steady_clock::now();
      auto ranking = searcher.RankByStars(query);
      ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                       .count());
      if (!ranking) {
        std::cerr << "recs_eval: " << ranking.error().message << "\n";
        return 1;
      }
      for (const std::string& id : held) {
        const auto at = [&](const std::vector<std::string>& list) {
          return static_cast<size_t>(std::ranges::find(list, id) - list.begin()) + 1;
        };
        like_ranks.push_back(at(ranking->order));
        arxiv_ranks.push_back(at(query.candidates));
      }
    }
  }
  std::printf("authors with >= %zu papers (every %d-th): %zu; days ranked: %zu\n",
              bench::kMinAuthorPapers, flags.every, authors.size(), ms.size());
  Print("arXiv order", bench::Summarize(arxiv_ranks));
  Print("like my stars", bench::Summarize(like_ranks));
  std::ranges::sort(ms);
  if (!ms.empty()) {
    std::printf("ranking time\tmedian %.2f ms, p99 %.2f ms\n", ms[ms.size() / 2],
                ms[static_cast<size_t>(0.99 * static_cast<double>(ms.size() - 1))]);
  }
  return 0;
}
