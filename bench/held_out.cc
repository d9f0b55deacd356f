#include "bench/held_out.h"

#include <algorithm>
#include <map>

namespace coolpapers::bench {

std::vector<AuthorPapers> HeldOutAuthors(const std::vector<Paper>& papers, int every) {
  // Listing order: by day, then by place in the files (stable sort of the indexes).
  std::vector<size_t> order(papers.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::ranges::stable_sort(order, [&](size_t a, size_t b) {
    return papers[a].first_listed < papers[b].first_listed;
  });
  std::map<std::string, std::vector<std::string>> by_author;
  for (const size_t i : order) {
    if (!papers[i].first_listed) continue;
    for (const std::string& author : papers[i].authors) {
      std::vector<std::string>& list = by_author[author];
      if (list.empty() || list.back() != papers[i].id) list.push_back(papers[i].id);
    }
  }
  std::vector<AuthorPapers> authors;
  int seen = 0;
  for (auto& [author, ids] : by_author) {
    if (ids.size() < kMinAuthorPapers) continue;
    if (seen++ % std::max(1, every) != 0) continue;
    const auto half = static_cast<std::ptrdiff_t>(ids.size() / 2);
    authors.push_back({author, {ids.begin(), ids.begin() + half}, {ids.begin() + half, ids.end()}});
  }
  return authors;
}

std::unordered_map<std::string, size_t> PaperIndex(const std::vector<Paper>& papers) {
  std::unordered_map<std::string, size_t> index;
  for (size_t i = 0; i < papers.size(); ++i) index.emplace(papers[i].id, i);
  return index;
}

RankSummary Summarize(std::vector<size_t> ranks) {
  RankSummary summary;
  summary.count = ranks.size();
  if (ranks.empty()) return summary;
  std::vector<size_t> found;
  for (const size_t rank : ranks) {
    if (rank == 0) continue;
    summary.mrr += 1.0 / static_cast<double>(rank);
    summary.hit_at_10 += rank <= 10 ? 1 : 0;
    found.push_back(rank);
  }
  summary.mrr /= static_cast<double>(ranks.size());
  summary.hit_at_10 /= static_cast<double>(ranks.size());
  if (!found.empty()) {
    std::ranges::sort(found);
    summary.median_rank = static_cast<double>(found[found.size() / 2]);
  }
  return summary;
}

}  // namespace coolpapers::bench
