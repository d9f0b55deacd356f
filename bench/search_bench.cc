// Warm search latency on real records: builds (or reuses) an index of the daily-arXiv metadata
// and times 1-, 2- and 3-word queries drawn from real titles, as issue 6 asks.
//   search_bench --metadata DIR --index DIR [google benchmark flags]
// --index reuses an existing index there, or builds one there when the folder has none. Prints
// one tab-separated line per query shape, "name<TAB>median ms, p99 ms", after Google
// Benchmark's own report.
#include <benchmark/benchmark.h>

#include <chrono>
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
  {
    auto indexer = search::PaperIndexer::Open(flags.index_dir);
    if (!indexer) {
      std::cerr << "search_bench: " << indexer.error().message << " (" << indexer.error().detail
                << ")\n";
      return 1;
    }
    auto count = (*indexer)->PaperCount();
    if (count && *count == 0) {
      const auto start = std::chrono::steady_clock::now();
      auto built =
          (*indexer)->Rebuild([&](const search::PaperBatchSink& sink) { return sink(papers); });
      const double seconds =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      if (!built) {
        std::cerr << "search_bench: " << built.error().detail << "\n";
        return 1;
      }
      std::printf("index build\t%.0f papers/s (%lld papers)\n",
                  static_cast<double>(*built) / seconds, static_cast<long long>(*built));
    }
  }
  auto searcher = search::Searcher::Open(flags.index_dir);
  if (!searcher) {
    std::cerr << "search_bench: " << searcher.error().detail << "\n";
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
  for (int words = 1; words <= 3; ++words) {
    const coolpapers::bench::Quantiles q =
        coolpapers::bench::TimeQueries(**searcher, coolpapers::bench::TitleQueries(papers, words));
    std::printf("search %d word%s\t%.3f ms, %.3f ms (slowest: %s)\n", words, words == 1 ? "" : "s",
                q.median_ms, q.p99_ms, q.slowest.c_str());
  }
  return 0;
}
