// Uncached render time of a day list page: the store query, the page's papers, and the HTML,
// exactly as the server does it on a cache miss (the page cache is sized to hold nothing).
//   render_bench --data DIR --expr cs.CL --date 2025-05-27 [google benchmark flags]
//   render_bench --store postgresql://... --expr cs.CL --date 2025-05-27   (another store)
//   [--ids 2505.00001,2505.00002,...]   also the papers-by-id page of those ids
// Page kinds: the day list (first 25 cards, whole day), an expression of three categories, the
// list's Atom feed, the calendar (/api/days), the home page and, with --ids, papers by id.
// Prints one tab-separated line per page shape, "name<TAB>median ms, p99 ms", for
// scripts/bench.sh, after Google Benchmark's own report on stderr.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "bench_store.h"
#include "web/site.h"

namespace {

using coolpapers::web::Request;
using coolpapers::web::Site;

struct Flags {
  std::string data_dir = "var";
  std::string store;  // a store location (store_location.h); wins over data_dir
  std::string expr = "cs.CL";
  std::string date;
  std::string ids;
};

// Takes our own flags out of argv, leaving Google Benchmark's.
Flags TakeFlags(int* argc, char** argv) {
  Flags flags;
  int kept = 1;
  for (int i = 1; i < *argc; ++i) {
    std::string arg = argv[i];
    auto value = [&](std::string* out) { if (i + 1 < *argc) *out = argv[++i]; };
    if (arg == "--data") value(&flags.data_dir);
    else if (arg == "--store") value(&flags.store);
    else if (arg == "--expr") value(&flags.expr);
    else if (arg == "--date") value(&flags.date);
    else if (arg == "--ids") value(&flags.ids);
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
    if (response.status != 200) {
      std::fprintf(stderr, "render_bench: %s answered %d\n", target.c_str(), response.status);
      std::exit(1);
    }
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
  auto store = coolpapers::bench::OpenBenchStore(flags.store, flags.data_dir);
  if (!store) {
    std::fprintf(stderr, "render_bench: %s\n", store.error().message.c_str());
    return 1;
  }
  coolpapers::web::SiteOptions options;
  options.cache.max_bytes = 0;  // every request renders
  options.limits.render = {.per_minute = 0, .burst = 0};  // and none is refused (0: no limit)
  Site site(**store, options);

  const std::string day = flags.date.empty() ? "" : "?date=" + flags.date;
  const std::string base = "/arxiv/" + flags.expr + day;
  std::vector<std::pair<std::string, std::string>> pages = {
      {"uncached render, first 25 cards", base},
      {"uncached render, whole day (show=2000)", base + (day.empty() ? "?" : "&") + "show=2000"},
      {"uncached render, expression " + flags.expr + "+cs.LG-cs.CY",
       "/arxiv/" + flags.expr + "+cs.LG-cs.CY" + day},
      {"uncached render, list feed", "/arxiv/" + flags.expr + "/feed"},
      {"uncached render, calendar (/api/days)", "/api/days/" + flags.expr},
      {"uncached render, home page", "/"},
  };
  if (!flags.ids.empty()) pages.emplace_back("uncached render, papers by id", "/arxiv/" + flags.ids);
  for (const auto& [name, target] : pages) {
    if (site.Handle(Request{"GET", target, false}).status != 200) {
      std::fprintf(stderr, "render_bench: %s does not answer 200\n", target.c_str());
      return 1;
    }
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
