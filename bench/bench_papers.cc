#include "bench/bench_papers.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <fstream>
#include <sstream>

#include <time.h>

#include "ingest/record_parser.h"

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
  std::sort(ms.begin(), ms.end());
  std::sort(cpu_ms.begin(), cpu_ms.end());
  auto at = [](const std::vector<double>& sorted, double q) {
    return sorted[static_cast<std::size_t>(q * static_cast<double>(sorted.size() - 1))];
  };
  return {at(ms, 0.5), at(ms, 0.99), ms.back(), at(cpu_ms, 0.5), at(cpu_ms, 0.99), failed,
          slowest};
}

}  // namespace coolpapers::bench
