// Uncached render time of a day list page: the store query, the page's papers, and the HTML,
// exactly as the server does it on a cache miss (the page cache is sized to hold nothing).
//   render_bench --data DIR --expr cs.CL --date 2025-05-27 [google benchmark flags]
// Prints one tab-separated line per page shape, "name<TAB>median ms, p99 ms", for
// scripts/bench.sh, after Google Benchmark's own report on stderr.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "store/sqlite_store.h"
#include "web/site.h"

namespace {

using coolpapers::web::Request;
using coolpapers::web::Site;

struct Flags {
  std::string data_dir = "var";
  std::string expr = "cs.CL";
  std::string date;
};

// Takes our own flags out of argv, leaving Google Benchmark's.
Flags TakeFlags(int* argc, char** argv) {
  Flags flags;
  int kept = 1;
  for (int i = 1; i < *argc; ++i) {
    std::string arg = argv[i];
    auto value = [&](std::string* out) { if (i + 1 < *argc) *out = argv[++i]; };
    if (arg == "--data") value(&flags.data_dir);
    else if (arg == "--expr") value(&flags.expr);
    else if (arg == "--date") value(&flags.date);
    else argv[kept++] = argv[i];
  }
  *argc = kept;
  return flags;
}

struct Quantiles {
  double median_ms = 0;
  double p99_ms = 0;
};

// The median and 99th percentile of many timed renders (Google Benchmark reports means).
Quantiles TimeRenders(Site& site, const std::string& target) {
  std::vector<double> ms;
  for (int i = 0; i < 400; ++i) {
    auto start = std::chrono::steady_clock::now();
    auto response = site.Handle(Request{"GET", target, true});
    benchmark::DoNotOptimize(response);
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
  }
  std::sort(ms.begin(), ms.end());
  auto at = [&](double q) { return ms[static_cast<size_t>(q * static_cast<double>(ms.size() - 1))]; };
  return {at(0.5), at(0.99)};
}

}  // namespace

int main(int argc, char** argv) {
  Flags flags = TakeFlags(&argc, argv);
  auto store = coolpapers::store::OpenSqliteStore(flags.data_dir + "/coolpapers.sqlite");
  if (!store) {
    std::fprintf(stderr, "render_bench: %s\n", store.error().message.c_str());
    return 1;
  }
  coolpapers::web::SiteOptions options;
  options.cache.max_bytes = 0;  // every request renders
  Site site(**store, options);

  const std::string base = "/arxiv/" + flags.expr + (flags.date.empty() ? "" : "?date=" + flags.date);
  const std::vector<std::pair<std::string, std::string>> pages = {
      {"uncached render, first 25 cards", base},
      {"uncached render, whole day (show=2000)", base + "&show=2000"},
  };
  if (site.Handle(Request{"GET", base, false}).status != 200) {
    std::fprintf(stderr, "render_bench: %s does not answer 200\n", base.c_str());
    return 1;
  }
  for (const auto& [name, target] : pages) {
    benchmark::RegisterBenchmark(name.c_str(), [&site, target = target](benchmark::State& state) {
      for (auto _ : state) benchmark::DoNotOptimize(site.Handle(Request{"GET", target, true}));
    })->Unit(benchmark::kMillisecond);
  }
  benchmark::Initialize(&argc, argv);
  // Google Benchmark's table goes to stderr so that stdout carries only our summary lines.
  benchmark::ConsoleReporter reporter;
  reporter.SetOutputStream(&std::cerr);
  reporter.SetErrorStream(&std::cerr);
  benchmark::RunSpecifiedBenchmarks(&reporter);
  for (const auto& [name, target] : pages) {
    Quantiles q = TimeRenders(site, target);
    std::printf("%s\tmedian %.2f ms, p99 %.2f ms\n", name.c_str(), q.median_ms, q.p99_ms);
  }
  return 0;
}
