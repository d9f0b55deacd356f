// Issue #15's "like my stars" target: ranking a 350-paper day for 50 starred papers in <= 50 ms
// on the server. Builds (or reuses) an index of the real daily-arXiv records, takes the first
// day with at least 350 papers (its first 350, in listing order) and 50 stars spread over the
// earlier days, and times Searcher::RankByStars, warm; then the same for the largest day.
//   star_rank_bench [--metadata DIR] [--index DIR] [--stars N] [--runs N]
// Prints "name<TAB>median ms, p99 ms, max ms".
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "bench/bench_papers.h"
#include "search/searcher.h"

namespace {

namespace bench = coolpapers::bench;
namespace search = coolpapers::search;

constexpr size_t kDayPapers = 350;


void Time(search::Searcher& searcher, const std::string& name, const search::StarQuery& query,
          int runs) {
  (void)searcher.RankByStars(query);  // warm
  std::vector<double> ms;
  for (int run = 0; run < runs; ++run) {
    const auto start = std::chrono::steady_clock::now();
    auto ranking = searcher.RankByStars(query);
    ms.push_back(
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    if (!ranking) {
      std::cerr << "star_rank_bench: " << ranking.error().message << "\n";
      return;
    }
  }
  std::ranges::sort(ms);
  std::printf("%s\t%.2f ms, %.2f ms, %.2f ms\n", name.c_str(), ms[ms.size() / 2],
              ms[static_cast<size_t>(0.99 * static_cast<double>(ms.size() - 1))], ms.back());
}

}  // namespace

int main(int argc, char** argv) {
  const bench::RealDataFlags flags = bench::ParseRealDataFlags(argc, argv);
  std::optional<bench::RealData> data = bench::OpenRealData(flags);
  if (!data) return 1;
  const std::vector<coolpapers::Paper>& papers = data->papers;
  search::Searcher& searcher = *data->searcher;
  const auto days = bench::DayLists(papers);
  const auto big = std::ranges::find_if(days, [](const auto& day) { return day.second.size() >= kDayPapers; });
  if (big == days.end() || big == days.begin()) {
    std::cerr << "star_rank_bench: no day of " << kDayPapers << " papers after another day\n";
    return 1;
  }
  std::vector<std::string> earlier;
  for (auto day = days.begin(); day != big; ++day) {
    earlier.insert(earlier.end(), day->second.begin(), day->second.end());
  }
  search::StarQuery query;
  const size_t step = std::max<size_t>(1, earlier.size() / static_cast<size_t>(flags.stars));
  for (size_t i = 0; i < earlier.size() && query.stars.size() < static_cast<size_t>(flags.stars); i += step) {
    query.stars.push_back(earlier[i]);
  }
  query.candidates.assign(big->second.begin(), big->second.begin() + kDayPapers);
  const std::string stars = std::to_string(query.stars.size()) + " stars";
  Time(searcher, "rank " + std::to_string(kDayPapers) + " papers of " + big->first.ToIso() +
                       ", " + stars, query, flags.runs);
  query.keywords = {"speculative decoding", "diffusion", "retrieval augmented generation"};
  Time(searcher, "the same with 3 keywords", query, flags.runs);
  const auto largest = std::ranges::max_element(
      days, [](const auto& a, const auto& b) { return a.second.size() < b.second.size(); });
  query.keywords.clear();
  query.candidates = largest->second;
  Time(searcher, "rank the largest day (" + std::to_string(largest->second.size()) + " papers, " +
                       largest->first.ToIso() + "), " + stars, query, flags.runs);
  return 0;
}
