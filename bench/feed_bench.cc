// Atom feed generation alone (issue 6: "feed generation <= 2 ms for 500 entries"): the papers
// are loaded from a store once, then RenderAtomFeed is timed on them, as a cache miss of a
// feed pays after its query.
//   feed_bench --data DIR [--store URL] [--entries N] [--runs N]
// Prints "feed generation, N entries<TAB>median ms, p99 ms (B bytes)".
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "bench_store.h"
#include "web/feed/atom_feed.h"

int main(int argc, char** argv) {
  std::string data_dir = "var";
  std::string store_url;
  int entries = 500;
  int runs = 300;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--data") data_dir = argv[i + 1];
    else if (flag == "--store") store_url = argv[i + 1];
    else if (flag == "--entries") entries = std::atoi(argv[i + 1]);
    else if (flag == "--runs") runs = std::atoi(argv[i + 1]);
  }
  auto store = coolpapers::bench::OpenBenchStore(store_url, data_dir);
  if (!store) {
    std::fprintf(stderr, "feed_bench: %s\n", store.error().message.c_str());
    return 1;
  }
  auto papers = (*store)->PapersAfter("", entries);
  if (!papers || papers->size() < static_cast<size_t>(entries)) {
    std::fprintf(stderr, "feed_bench: the store has fewer than %d papers\n", entries);
    return 1;
  }
  coolpapers::web::FeedView view;
  view.title = "coolpapers: search";
  view.self_path = "/arxiv/search/feed?query=learning";
  view.html_path = "/arxiv/search?query=learning";
  view.papers = *std::move(papers);
  view.updated = coolpapers::web::PaperUpdated(view.papers.front());

  std::vector<double> ms;
  size_t bytes = 0;
  for (int i = 0; i < runs; ++i) {
    const auto start = std::chrono::steady_clock::now();
    const std::string feed = coolpapers::web::RenderAtomFeed(view);
    ms.push_back(
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    bytes = feed.size();
  }
  std::sort(ms.begin(), ms.end());
  const auto at = [&](double q) { return ms[static_cast<size_t>(q * static_cast<double>(ms.size() - 1))]; };
  std::printf("feed generation, %d entries\t%.2f ms, %.2f ms (%zu bytes)\n", entries, at(0.5),
              at(0.99), bytes);
  return 0;
}
