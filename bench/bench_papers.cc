#include "bench/bench_papers.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>
#include <utility>

#include <time.h>

#include "ingest/record_parser.h"
#include "search/paper_indexer.h"

namespace coolpapers::bench {
namespace {

// The calling thread's CPU time so far, in milliseconds.
double ThreadCpuMs() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
}

}  // namespace

std::vector<Paper> ReadRealPapers(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() == ".jsonl") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  std::vector<Paper> papers;
  for (const auto& file : files) {
    std::ifstream in(file);
    std::string line;
    int64_t position = 0;
    while (std::getline(in, line)) {
      auto record = ingest::ParseRecordLine(line, ++position);
      if (record) papers.push_back(std::move(record->paper));
    }
  }
  return papers;
}

std::vector<std::string> TitleQueries(const std::vector<Paper>& papers, int words, int every,
                                      bool phrase) {
  std::vector<std::string> queries;
  for (std::size_t i = 0; i < papers.size(); i += static_cast<std::size_t>(every)) {
    std::string cleaned;
    for (char c : papers[i].title) {
      cleaned.push_back(std::isalnum(static_cast<unsigned char>(c)) ? c : ' ');
    }
    std::istringstream in(cleaned);
    std::string word, query;
    int taken = 0;
    for (; taken < words && in >> word; ++taken) query += (query.empty() ? "" : " ") + word;
    if (query.empty() || (phrase && taken < words)) continue;
    queries.push_back(phrase ? "\"" + query + "\"" : query);
  }
  return queries;
}

Quantiles TimeQueries(search::Searcher& searcher, const std::vector<std::string>& queries) {
  for (const std::string& text : queries) (void)searcher.Search({.text = text, .limit = 25});
  std::vector<double> ms;
  std::vector<double> cpu_ms;
  int failed = 0;
  std::string slowest;
  double slowest_ms = -1;
  for (const std::string& text : queries) {
    const auto start = std::chrono::steady_clock::now();
    const double cpu_start = ThreadCpuMs();
    const bool found = searcher.Search({.text = text, .limit = 25}).has_value();
    cpu_ms.push_back(ThreadCpuMs() - cpu_start);
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                     .count());
    failed += found ? 0 : 1;
    if (ms.back() > slowest_ms) {
      slowest_ms = ms.back();
      slowest = text;
    }
  }
  if (ms.empty()) return {};
  std::vector<std::pair<double, std::string>> by_cpu;
  for (std::size_t i = 0; i < queries.size(); ++i) by_cpu.emplace_back(cpu_ms[i], queries[i]);
  constexpr std::size_t kCostliest = 5;
  const std::size_t costly = std::min(kCostliest, by_cpu.size());
  std::partial_sort(by_cpu.begin(), by_cpu.begin() + static_cast<std::ptrdiff_t>(costly),
                    by_cpu.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<std::string> costliest;
  for (std::size_t i = 0; i < costly; ++i) {
    char cost[32];
    std::snprintf(cost, sizeof cost, " (%.2f ms)", by_cpu[i].first);
    costliest.push_back(by_cpu[i].second + cost);
  }
  std::sort(ms.begin(), ms.end());
  std::sort(cpu_ms.begin(), cpu_ms.end());
  auto at = [](const std::vector<double>& sorted, double q) {
    return sorted[static_cast<std::size_t>(q * static_cast<double>(sorted.size() - 1))];
  };
  return {at(ms, 0.5), at(ms, 0.99), ms.back(), at(cpu_ms, 0.5), at(cpu_ms, 0.99), failed,
          slowest, std::move(costliest)};
}

Result<std::unique_ptr<search::Searcher>> OpenOrBuildIndex(const std::vector<Paper>& papers,
                                                           const std::filesystem::path& index_dir) {
  {
    auto indexer = search::PaperIndexer::Open(index_dir);
    if (!indexer) return std::unexpected(indexer.error());
    auto count = (*indexer)->PaperCount();
    if (!count) return std::unexpected(count.error());
    if (*count == 0) {
      const auto start = std::chrono::steady_clock::now();
      auto built =
          (*indexer)->Rebuild([&](const search::PaperBatchSink& sink) { return sink(papers, {}); });
      if (!built) return std::unexpected(built.error());
      const double seconds =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      std::printf("index build\t%.0f papers/s (%lld papers)\n",
                  static_cast<double>(*built) / seconds, static_cast<long long>(*built));
    }
  }
  return search::Searcher::Open(index_dir);
}

RealDataFlags ParseRealDataFlags(int argc, char** argv) {
  RealDataFlags flags;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string arg = argv[i];
    if (arg == "--metadata") {
      flags.metadata_dir = argv[i + 1];
    } else if (arg == "--index") {
      flags.index_dir = argv[i + 1];
    } else if (arg == "--every") {
      flags.every = std::max(1, std::atoi(argv[i + 1]));
    } else if (arg == "--stars") {
      flags.stars = std::max(1, std::atoi(argv[i + 1]));
    } else if (arg == "--runs") {
      flags.runs = std::max(1, std::atoi(argv[i + 1]));
    } else {
      std::fprintf(stderr, "unknown flag %s\n", arg.c_str());
    }
  }
  return flags;
}

std::optional<RealData> OpenRealData(const RealDataFlags& flags) {
  RealData data;
  data.papers = ReadRealPapers(flags.metadata_dir);
  if (data.papers.empty()) {
    std::fprintf(stderr, "no records under %s\n", flags.metadata_dir.c_str());
    return std::nullopt;
  }
  auto searcher = OpenOrBuildIndex(data.papers, flags.index_dir);
  if (!searcher) {
    std::fprintf(stderr, "%s (%s)\n", searcher.error().message.c_str(),
                 searcher.error().detail.c_str());
    return std::nullopt;
  }
  data.searcher = *std::move(searcher);
  return data;
}

std::vector<std::pair<Date, std::vector<std::string>>> DayLists(const std::vector<Paper>& papers) {
  std::map<Date, std::vector<std::string>> days;
  for (const Paper& paper : papers) {
    if (paper.first_listed) days[*paper.first_listed].push_back(paper.id);
  }
  return {days.begin(), days.end()};
}

}  // namespace coolpapers::bench
