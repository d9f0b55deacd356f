// Warm search latency on real records: builds (or reuses) an index of the daily-arXiv metadata
// and times 1-, 2- and 3-word queries drawn from real titles, as issue 6 asks.
//   search_bench --metadata DIR --index DIR [google benchmark flags]
// --index reuses an existing index there, or builds one there when the folder has none. Prints
// one tab-separated line per query shape, "name<TAB>median ms, p99 ms", after Google
// Benchmark's own report.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "ingest/record_parser.h"
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

std::vector<coolpapers::Paper> ReadPapers(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() == ".jsonl") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  std::vector<coolpapers::Paper> papers;
  for (const auto& file : files) {
    std::ifstream in(file);
    std::string line;
    int64_t position = 0;
    while (std::getline(in, line)) {
      auto record = coolpapers::ingest::ParseRecordLine(line, ++position);
      if (record) papers.push_back(std::move(record->paper));
    }
  }
  return papers;
}

// The first `words` words of every 50th title, lower case and without punctuation.
std::vector<std::string> TitleQueries(const std::vector<coolpapers::Paper>& papers, int words) {
  std::vector<std::string> queries;
  for (std::size_t i = 0; i < papers.size(); i += 50) {
    std::string cleaned;
    for (char c : papers[i].title) {
      cleaned.push_back(std::isalnum(static_cast<unsigned char>(c)) ? c : ' ');
    }
    std::istringstream in(cleaned);
    std::string word, query;
    for (int n = 0; n < words && in >> word; ++n) query += (query.empty() ? "" : " ") + word;
    if (!query.empty()) queries.push_back(query);
  }
  return queries;
}

struct Quantiles {
  double median_ms = 0;
  double p99_ms = 0;
};

Quantiles TimeQueries(search::Searcher& searcher, const std::vector<std::string>& queries) {
  std::vector<double> ms;
  for (const std::string& text : queries) {
    const auto start = std::chrono::steady_clock::now();
    auto results = searcher.Search({.text = text, .limit = 25});
    benchmark::DoNotOptimize(results);
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                     .count());
  }
  std::sort(ms.begin(), ms.end());
  auto at = [&](double q) {
    return ms[static_cast<size_t>(q * static_cast<double>(ms.size() - 1))];
  };
  return {at(0.5), at(0.99)};
}

}  // namespace

int main(int argc, char** argv) {
  const Flags flags = TakeFlags(&argc, argv);
  const std::vector<coolpapers::Paper> papers = ReadPapers(flags.metadata_dir);
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
    const std::vector<std::string> queries = TitleQueries(papers, words);
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
    const Quantiles q = TimeQueries(**searcher, TitleQueries(papers, words));
    std::printf("search %d word%s\t%.3f ms, %.3f ms\n", words, words == 1 ? "" : "s", q.median_ms,
                q.p99_ms);
  }
  return 0;
}
