// Issue 6's benchmarks at arXiv's size: the real daily records plus synthetic papers made from
// them (synthetic_corpus.h) up to --papers (default 2,700,000), indexed with a full rebuild on
// every core as `coolpapers index rebuild` does (PaperIndexer::Rebuild), then warm search
// latency for 1-, 2- and 3-word queries and 2- and 3-word phrases from real titles, then an
// incremental day of 1,200 new papers.
//   index_scale_bench --metadata DIR --index DIR [--papers N] [--every K] [--reuse 1]
//                     [--blocks N] [--titles-first N] [--index-map-mb N] [--index-cache-mb N]
//                     [--check 1]
//                     [--queries FILE]
// --index must be empty or absent (the rebuild is what is measured), unless --reuse 1: then an
// index this benchmark built before is searched as it is (no rebuild, no incremental day), so
// query-side changes are measured in seconds rather than after a rebuild; with --queries, only
// each query of FILE (one a line) is timed on its own, 21 times, to profile a costly few. The papers come from
// memory rather than a store; scripts/bench_search.sh times the same rebuild fed by the SQLite
// store at 40k papers. Progress goes to stderr; the results are printed as "name<TAB>value"
// lines (scripts/bench_search_scale.sh makes them a table).
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <iostream>
#include <memory>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include "bench/bench_papers.h"
#include "bench/synthetic_corpus.h"
#include "search/index_block_cache.h"
#include "search/paper_indexer.h"
#include "search/searcher.h"

namespace {

namespace bench = coolpapers::bench;
namespace search = coolpapers::search;
using Clock = std::chrono::steady_clock;

struct Flags {
  std::string metadata_dir = "../shared/data/metadata/daily-arxiv-cs-2025";
  std::string index_dir;
  int64_t papers = 2'700'000;
  int every = 40;  // every 40th real title gives a query: ~1,000 queries per shape
  bool reuse = false;
  // --blocks N: SearcherOptions::candidates_worth_blocks (0: Xapian reads every search whole).
  std::optional<int64_t> blocks;
  // --titles-first N: SearcherOptions::phrase_titles_first (0: never).
  std::optional<int64_t> titles_first;
  // --index-map-mb N: SearcherOptions::index_map_bytes in MiB (0, the default: read by pread).
  int64_t index_map_mb = 0;
  // --index-cache-mb N: a block cache of N MiB (index_block_cache.h; 0, the default: none).
  // Safe here: a kept index is only read (--reuse 1), and a built one is written before.
  int64_t index_cache_mb = 0;
  std::string queries_file;  // only these queries, one a line (to profile a costly few)
  // --check 1: every benchmark query's first page (25) also from Xapian reading everything
  // (issue 19: Xapian stays the oracle of the block bounds and word tiers).
  bool check = false;
};

bool ParseFlags(int argc, char** argv, Flags& flags) {
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string name = argv[i];
    const std::string value = argv[i + 1];
    if (name == "--metadata") {
      flags.metadata_dir = value;
    } else if (name == "--index") {
      flags.index_dir = value;
    } else if (name == "--papers") {
      flags.papers = std::atoll(value.c_str());
    } else if (name == "--every") {
      flags.every = std::atoi(value.c_str());
    } else if (name == "--queries") {
      flags.queries_file = value;
    } else if (name == "--reuse") {
      flags.reuse = value == "1";
    } else if (name == "--check") {
      flags.check = value == "1";
    } else if (name == "--blocks") {
      flags.blocks = std::stoll(value);
    } else if (name == "--titles-first") {
      flags.titles_first = std::stoll(value);
    } else if (name == "--index-map-mb") {
      flags.index_map_mb = std::stoll(value);
    } else if (name == "--index-cache-mb") {
      flags.index_cache_mb = std::stoll(value);
    } else {
      return false;
    }
  }
  return argc % 2 == 1 && !flags.index_dir.empty() && flags.papers > 0 && flags.every > 0 &&
         flags.index_map_mb >= 0 && flags.index_cache_mb >= 0;
}

double SecondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

int64_t FolderBytes(const std::filesystem::path& dir) {
  int64_t bytes = 0;
  std::error_code ec;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir, ec)) {
    if (entry.is_regular_file(ec)) bytes += static_cast<int64_t>(entry.file_size(ec));
  }
  return bytes;
}

int Fail(const std::string& what, const coolpapers::Error& error) {
  std::cerr << "index_scale_bench: " << what << ": " << error.message << " (" << error.detail
            << ")\n";
  return 1;
}

// 1. The rebuild: the real papers, then synthetic ones, in batches as the store's paging gives.
int BuildIndex(const Flags& flags, const bench::SyntheticCorpus& corpus,
               search::PaperIndexer& indexer) {
  const auto real_count = static_cast<int64_t>(corpus.real().size());
  constexpr int64_t kBatch = 5000;
  const Clock::time_point build_start = Clock::now();
  Clock::time_point merge_start = build_start;
  int64_t next_report = 100'000;
  auto built = indexer.Rebuild(
      [&](const search::PaperBatchSink& sink) -> coolpapers::Result<void> {
        std::vector<coolpapers::Paper> batch;
        for (int64_t n = 0; n < flags.papers; ++n) {
          batch.push_back(n < real_count ? corpus.real()[static_cast<std::size_t>(n)]
                                         : corpus.Make(n - real_count));
          if (static_cast<int64_t>(batch.size()) == kBatch || n + 1 == flags.papers) {
            if (auto sunk = sink(batch, {}); !sunk) return sunk;
            batch.clear();
          }
          if (n + 1 == next_report) {
            std::fprintf(stderr, "index_scale_bench: %lld of %lld papers handed to the writers "
                         "(%.0f papers/s)\n", static_cast<long long>(n + 1),
                         static_cast<long long>(flags.papers),
                         static_cast<double>(n + 1) / SecondsSince(build_start));
            next_report += 100'000;
          }
        }
        return {};
      },
      0, [&] {
        merge_start = Clock::now();
        std::fprintf(stderr, "index_scale_bench: writing done after %.0f s; merging the parts\n",
                     SecondsSince(build_start));
      });
  if (!built) return Fail("rebuild", built.error());
  const double build_seconds = SecondsSince(build_start);
  const double merge_seconds = std::chrono::duration<double>(Clock::now() - merge_start).count();
  std::printf("index build\t%lld papers in %.0f s = %.0f papers/s (merge %.0f s of it)\n",
              static_cast<long long>(*built), build_seconds,
              static_cast<double>(*built) / build_seconds, merge_seconds);
  std::printf("index size\t%.0f MB\n",
              static_cast<double>(FolderBytes(flags.index_dir)) / (1024.0 * 1024.0));
  std::fflush(stdout);
  return 0;
}

// 3. A day of 1,200 new papers, indexed as the updater does (PaperIndexer::Index).
int IndexDay(const Flags& flags, const bench::SyntheticCorpus& corpus,
             search::PaperIndexer& indexer) {
  std::vector<coolpapers::Paper> day;
  for (int64_t i = 0; i < 1200; ++i) day.push_back(corpus.Make(flags.papers + i));
  const Clock::time_point day_start = Clock::now();
  if (auto indexed = indexer.Index(day); !indexed) return Fail("index a day", indexed.error());
  std::printf("incremental day\t1200 papers in %.2f s\n", SecondsSince(day_start));
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  Flags flags;
  if (!ParseFlags(argc, argv, flags)) {
    std::cerr << "usage: index_scale_bench --metadata DIR --index DIR [--papers N] [--every K] "
                 "[--reuse 1] [--blocks N] [--titles-first N] [--index-map-mb N] "
                 "[--index-cache-mb N] [--check 1] "
                 "[--queries FILE]\n";
    return 2;
  }
  if (!flags.reuse && std::filesystem::exists(flags.index_dir) &&
      !std::filesystem::is_empty(flags.index_dir)) {
    std::cerr << "index_scale_bench: " << flags.index_dir << " is not empty\n";
    return 2;
  }
  std::vector<coolpapers::Paper> real = bench::ReadRealPapers(flags.metadata_dir);
  if (real.empty()) {
    std::cerr << "index_scale_bench: no records under " << flags.metadata_dir << "\n";
    return 1;
  }
  const bench::SyntheticCorpus corpus(std::move(real));

  // A kept index is only read: no writer (and its lock), so one another process keeps can be
  // searched too.
  std::unique_ptr<search::PaperIndexer> indexer;
  if (!flags.reuse) {
    auto opened = search::PaperIndexer::Open(flags.index_dir);
    if (!opened) return Fail("open the index", opened.error());
    indexer = *std::move(opened);
    if (const int failed = BuildIndex(flags, corpus, *indexer); failed != 0) return failed;
  }

  // 2. Warm search latency.
  search::SearcherOptions options;
  if (flags.blocks) options.candidates_worth_blocks = *flags.blocks;
  if (flags.titles_first) options.phrase_titles_first = *flags.titles_first;
  options.index_map_bytes = static_cast<std::size_t>(flags.index_map_mb) << 20;
  search::CacheIndexBlocks(static_cast<std::size_t>(flags.index_cache_mb) << 20);
  auto searcher = search::Searcher::Open(flags.index_dir, options);
  if (!searcher) return Fail("open the index for searching", searcher.error());
  const auto report = [&](const std::string& name, const std::vector<std::string>& queries) {
    const int64_t by_blocks_before = (*searcher)->SearchesReadByBlocks();
    const int64_t by_tiers_before = (*searcher)->SearchesReadByTiers();
    const int64_t weighed_before = (*searcher)->SearchesWeighedByTiers();
    const search::IndexBlockCacheCounts cache_before = search::CountIndexBlockCache();
    const bench::Quantiles q = bench::TimeQueries(**searcher, queries);
    const search::IndexBlockCacheCounts cache = search::CountIndexBlockCache();
    const int64_t by_blocks = (*searcher)->SearchesReadByBlocks() - by_blocks_before;
    const int64_t by_tiers = (*searcher)->SearchesReadByTiers() - by_tiers_before;
    const int64_t weighed = (*searcher)->SearchesWeighedByTiers() - weighed_before;
    std::printf("%s (%zu queries)\tp50 %.2f ms, p99 %.2f ms, max %.1f ms (%s); CPU p50 %.2f ms, "
                "p99 %.2f ms%s; %lld of the searches read by blocks, %lld by tiers (%lld weighed "
                "by them too)\n",
                name.c_str(), queries.size(), q.median_ms, q.p99_ms, q.max_ms, q.slowest.c_str(),
                q.cpu_median_ms, q.cpu_p99_ms,
                q.failed ? (", " + std::to_string(q.failed) + " failed").c_str() : "",
                static_cast<long long>(by_blocks), static_cast<long long>(by_tiers),
                static_cast<long long>(weighed));
    if (cache.most_bytes > 0) {  // over both passes of TimeQueries: the untimed and the timed
      const std::int64_t hits = cache.hits - cache_before.hits;
      const std::int64_t reads = hits + cache.misses - cache_before.misses;
      std::printf("%s, block cache\t%lld of %lld block reads from the cache of %zu MiB (%.0f%%)\n",
                  name.c_str(), static_cast<long long>(hits), static_cast<long long>(reads),
                  cache.most_bytes >> 20, reads > 0 ? 100.0 * hits / reads : 0.0);
    }
    std::fflush(stdout);
    for (const std::string& query : q.costliest) {
      std::fprintf(stderr, "index_scale_bench: %s, costly: %s\n", name.c_str(), query.c_str());
    }
  };
  if (!flags.queries_file.empty()) {
    std::ifstream lines(flags.queries_file);
    for (std::string line; std::getline(lines, line);) {
      constexpr std::size_t kRepeats = 21;  // its median, warm
      if (!line.empty()) report(line, std::vector<std::string>(kRepeats, line));
    }
    return 0;
  }
  std::vector<std::string> checked;  // every query timed, for --check
  for (int words = 1; words <= 3; ++words) {
    const std::vector<std::string> queries = bench::TitleQueries(corpus.real(), words, flags.every);
    report("search " + std::to_string(words) + " word" + (words == 1 ? "" : "s"), queries);
    checked.insert(checked.end(), queries.begin(), queries.end());
  }
  // What /api/search answers (issue 19): 2 to 10 words of real titles, the engine's share.
  std::vector<std::string> long_queries;
  for (int words = 2; words <= 10; ++words) {
    for (std::string& query : bench::TitleQueries(corpus.real(), words, flags.every * 9)) {
      long_queries.push_back(std::move(query));
    }
  }
  report("search 2-10 words", long_queries);
  checked.insert(checked.end(), long_queries.begin(), long_queries.end());
  for (int words = 2; words <= 3; ++words) {
    const std::vector<std::string> phrases =
        bench::TitleQueries(corpus.real(), words, flags.every, true);
    report("phrase of " + std::to_string(words) + " words", phrases);
    checked.insert(checked.end(), phrases.begin(), phrases.end());
  }
  if (flags.check) {
    search::SearcherOptions whole_options = options;
    whole_options.candidates_worth_blocks = 0;
    auto whole = search::Searcher::Open(flags.index_dir, whole_options);
    if (!whole) return Fail("open the index for the oracle", whole.error());
    std::int64_t differ = 0;
    std::int64_t failed = 0;  // either search failed (past its time budget): no page to compare
    for (const std::string& text : checked) {
      const auto fast = (*searcher)->Search({.text = text, .limit = 25});
      const auto oracle = (*whole)->Search({.text = text, .limit = 25});
      if (!fast || !oracle) {
        ++failed;
        std::fprintf(stderr, "index_scale_bench: not compared, a search failed: %s (%s)\n",
                     text.c_str(), (!fast ? fast : oracle).error().detail.c_str());
        continue;
      }
      bool same = fast->hits.size() == oracle->hits.size();
      for (std::size_t i = 0; same && i < fast->hits.size(); ++i) {
        same = fast->hits[i].paper_id == oracle->hits[i].paper_id &&
               std::abs(fast->hits[i].score - oracle->hits[i].score) < 1e-9;
      }
      if (!same) {
        ++differ;
        std::fprintf(stderr, "index_scale_bench: the oracle's page differs: %s\n", text.c_str());
      }
    }
    std::printf("oracle check\t%lld of %zu first pages (25 papers) differ from Xapian reading "
                "every match (%lld not compared: a search failed)\n",
                static_cast<long long>(differ), checked.size(), static_cast<long long>(failed));
  }

  if (flags.reuse) return 0;
  return IndexDay(flags, corpus, *indexer);
}
