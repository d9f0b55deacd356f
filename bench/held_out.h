// The held-out protocol of docs/recommendations.md, shared by recs_eval ("like my stars") and
// related_eval ([REL]): the authors of the real records with at least kMinAuthorPapers papers,
// each with their papers in listing order, starred first half and held-out second half.
#ifndef COOLPAPERS_BENCH_HELD_OUT_H_
#define COOLPAPERS_BENCH_HELD_OUT_H_

#include <string>
#include <unordered_map>
#include <vector>

#include "core/paper.h"

namespace coolpapers::bench {

inline constexpr size_t kMinAuthorPapers = 6;

struct AuthorPapers {
  std::string author;
  std::vector<std::string> starred;   // the first half (rounded down), in listing order
  std::vector<std::string> held_out;  // the rest
};

// Every `every`-th author (by name, so the sample does not depend on the files' order) with at
// least kMinAuthorPapers papers. `papers` in listing order (ReadRealPapers).
std::vector<AuthorPapers> HeldOutAuthors(const std::vector<Paper>& papers, int every);

// Where each paper is: its index in `papers`.
std::unordered_map<std::string, size_t> PaperIndex(const std::vector<Paper>& papers);

// Mean reciprocal rank and friends over 1-based ranks (0: not found, reciprocal 0).
struct RankSummary {
  size_t count = 0;
  double mrr = 0;
  double hit_at_10 = 0;  // share ranked 1..10
  double median_rank = 0;  // of the found ones
};
RankSummary Summarize(std::vector<size_t> ranks);

}  // namespace coolpapers::bench

#endif  // COOLPAPERS_BENCH_HELD_OUT_H_
