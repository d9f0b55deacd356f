// Warm search latency on real records: builds (or reuses) an index of the daily-arXiv metadata
// and times 1-, 2- and 3-word queries and 2- and 3-word phrases drawn from real titles, as
// issue 6 asks. Pointed at an index index_scale_bench built (--index), it measures that index.
//   search_bench --metadata DIR --index DIR [--every N] [google benchmark flags]
// --index reuses an existing index there, or builds one there when the folder has none. Prints
// one tab-separated line per query shape, "name<TAB>median ms, p99 ms", after Google
// Benchmark's own report (--benchmark_filter=none skips that).
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "bench/bench_papers.h"
#include "search/paper_indexer.h"
#include "search/searcher.h"

namespace {

namespace search = coolpapers::search;

struct Flags {
  std::string metadata_dir = "../shared/data/metadata/daily-arxiv-cs-2025";
  std::string index_dir = "var/search-bench-index";
  int every = 50;  // every 50th real title gives a query (index_scale_bench takes every 40th)
};

// Takes our own flags out of argv, leaving Google Benchmark's.
Flags TakeFlags(int* argc, char** argv) {
  Flags flags;
  int kept = 1;
  for (int i = 1; i < *argc; ++i) {
    const std::string arg = argv[i];
    auto value = [&](std::string* out) {
      if (i + 1 < *argc) *out = argv[++i];
    };
    if (arg == "--metadata")
      value(&flags.metadata_dir);
    else if (arg == "--index")
      value(&flags.index_dir);
    else if (arg == "--every" && i + 1 < *argc)
      flags.every = std::max(1, std::atoi(argv[++i]));
    else
      argv[kept++] = argv[i];
  }
  *argc = kept;
  return flags;
}

}  // namespace

int main(int argc, char** argv) {
  const Flags flags = TakeFlags(&argc, argv);
  const std::vector<coolpapers::Paper> papers = coolpapers::bench::ReadRealPapers(flags.metadata_dir);
  if (papers.empty()) {
    std::cerr << "search_bench: no records under " << flags.metadata_dir << "\n";
    return 1;
  }
  auto searcher = coolpapers::bench::OpenOrBuildIndex(papers, flags.index_dir);
  if (!searcher) {
    std::cerr << "search_bench: " << searcher.error().message << " (" << searcher.error().detail
              << ")\n";
    return 1;
  }
  for (int words = 1; words <= 3; ++words) {
    const std::vector<std::string> queries = coolpapers::bench::TitleQueries(papers, words);
    benchmark::RegisterBenchmark(
        ("search/" + std::to_string(words) + "_words").c_str(),
        [&searcher, queries](benchmark::State& state) {
          std::size_t next = 0;
          for (auto _ : state) {
            auto results = (*searcher)->Search({.text = queries[next++ % queries.size()]});
            benchmark::DoNotOptimize(results);
          }
        });
  }
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  const auto report = [&](const std::string& name, const std::vector<std::string>& queries) {
    const coolpapers::bench::Quantiles q = coolpapers::bench::TimeQueries(**searcher, queries);
    std::printf("%s (%zu queries)\t%.3f ms, %.3f ms (slowest: %s)\n", name.c_str(),
                queries.size(), q.median_ms, q.p99_ms, q.slowest.c_str());
  };
  for (int words = 1; words <= 3; ++words) {
    report("search " + std::to_string(words) + " word" + (words == 1 ? "" : "s"),
           coolpapers::bench::TitleQueries(papers, words, flags.every));
  }
  for (int words = 2; words <= 3; ++words) {
    report("phrase of " + std::to_string(words) + " words",
           coolpapers::bench::TitleQueries(papers, words, flags.every, true));
  }
  return 0;
}
