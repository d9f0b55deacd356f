// What the search benchmarks share: the real records they start from, queries drawn from real
// titles, and the timing of a query set as a median and a 99th percentile.
#ifndef COOLPAPERS_BENCH_BENCH_PAPERS_H_
#define COOLPAPERS_BENCH_BENCH_PAPERS_H_

#include <filesystem>
#include <memory>
#include <optional>
#include <utility>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/paper.h"
#include "search/searcher.h"

namespace coolpapers::bench {

// Every parseable record of the *.jsonl files in `dir`, files in name order (malformed lines
// are skipped: the benchmarks measure, the import tests check parsing).
std::vector<Paper> ReadRealPapers(const std::filesystem::path& dir);

// The first `words` words of every `every`-th title, without punctuation: "Scaling Laws for".
// With `phrase`, each is quoted ("\"scaling laws\""), and only titles with that many words count.
std::vector<std::string> TitleQueries(const std::vector<Paper>& papers, int words, int every = 50,
                                      bool phrase = false);

struct Quantiles {
  double median_ms = 0;
  double p99_ms = 0;
  double max_ms = 0;
  // The same for the searching thread's CPU time: on a machine others load too, wall time
  // counts the waits for a core; CPU time is what the search itself costs.
  double cpu_median_ms = 0;
  double cpu_p99_ms = 0;
  int failed = 0;  // queries the searcher rejected or failed (they count as timed all the same)
  std::string slowest;  // the slowest query, to see what the tail is made of
  // The queries that cost the most CPU time, costliest first, as "query (N.NN ms)": on a loaded
  // machine the slowest by wall time is whichever a preemption hit, these are the real tail.
  std::vector<std::string> costliest;
};

// Runs every query once to warm the caches, then once more timed; the second run's median, p99
// and max (wall time of Searcher::Search for 25 results), its CPU time's median and p99, and how
// many failed.
Quantiles TimeQueries(search::Searcher& searcher, const std::vector<std::string>& queries);

// A searcher over `papers`: the index in `index_dir` when it holds papers already, else one built
// there first (its build rate printed). Errors: the indexer's or the searcher's, as a message.
Result<std::unique_ptr<search::Searcher>> OpenOrBuildIndex(const std::vector<Paper>& papers,
                                                           const std::filesystem::path& index_dir);

// The flags of the benchmarks over the real records and an index of them (star_rank_bench,
// recs_eval, related_eval): --metadata DIR, --index DIR, --every N (every N-th author),
// --stars N, --runs N. Unknown flags are reported on stderr and ignored.
struct RealDataFlags {
  std::string metadata_dir = "../shared/data/metadata/daily-arxiv-cs-2025";
  std::string index_dir = "var/recs-bench-index";
  int every = 1;
  int stars = 50;
  int runs = 200;
};
RealDataFlags ParseRealDataFlags(int argc, char** argv);

// The records of flags.metadata_dir and a searcher over them (OpenOrBuildIndex); nullopt, with
// the reason on stderr, when either is missing.
struct RealData {
  std::vector<Paper> papers;
  std::unique_ptr<search::Searcher> searcher;
};
std::optional<RealData> OpenRealData(const RealDataFlags& flags);

// The records' listing days in order, each day's ids in listing order (the files' line order,
// which is arXiv's announcement order). Papers without a listing day are left out.
std::vector<std::pair<Date, std::vector<std::string>>> DayLists(const std::vector<Paper>& papers);

}  // namespace coolpapers::bench

#endif  // COOLPAPERS_BENCH_BENCH_PAPERS_H_
