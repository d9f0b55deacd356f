// Issue #14's search target (venue search p99 within the arXiv search's at 40k papers): warm
// engine latency of distinct 2- to 10-word queries drawn from real titles of each branch, on
// the index of a data folder that holds the daily-arXiv records and every venue sample
// (scripts/bench_venue_search.sh builds it):
//   arXiv titles as typed (the default branch, both), venue titles with `branch:venue`, and
//   both lists interleaved with `branch:both`.
// Prints one tab-separated line per set, "name<TAB>p50 ms, p99 ms wall; p50, p99 ms CPU", and
// writes each set's queries, one a line, to --queries-out (for the HTTP half of the script).
//   venue_search_bench --metadata DIR --data DIR [--every-arxiv N] [--every-venue N]
//                      [--queries-out DIR]
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <unordered_set>
#include <vector>

#include "bench/bench_papers.h"
#include "search/searcher.h"
#include "store/sqlite_venue_store.h"

namespace {

using namespace coolpapers;

struct Flags {
  std::string metadata_dir = "../shared/data/metadata/daily-arxiv-cs-2025";
  std::filesystem::path data_dir = "var";
  int every_arxiv = 40;  // 40,717 records: about 1,000 queries
  int every_venue = 5;   // 5,356 venue papers: about 1,000 queries
  std::filesystem::path queries_out;
};

Flags ParseFlags(int argc, char** argv) {
  Flags flags;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--metadata") {
      flags.metadata_dir = argv[i + 1];
    } else if (flag == "--data") {
      flags.data_dir = argv[i + 1];
    } else if (flag == "--every-arxiv") {
      flags.every_arxiv = std::max(1, std::atoi(argv[i + 1]));
    } else if (flag == "--every-venue") {
      flags.every_venue = std::max(1, std::atoi(argv[i + 1]));
    } else if (flag == "--queries-out") {
      flags.queries_out = argv[i + 1];
    } else {
      std::fprintf(stderr, "venue_search_bench: unknown flag %s\n", flag.c_str());
    }
  }
  return flags;
}

// Every `every`-th title's first 2 to 10 words (the count cycling through 2..10), without
// punctuation, each query once; titles shorter than the count give all their words (2 or more).
std::vector<std::string> TitleQueries(const std::vector<std::string>& titles, int every) {
  std::vector<std::string> queries;
  std::unordered_set<std::string> seen;
  int cycle = 0;
  for (std::size_t i = 0; i < titles.size(); i += static_cast<std::size_t>(every)) {
    std::string cleaned;
    for (char c : titles[i]) {
      cleaned.push_back(std::isalnum(static_cast<unsigned char>(c)) ? c : ' ');
    }
    const int words = 2 + (cycle++ % 9);
    std::istringstream in(cleaned);
    std::string word, query;
    int taken = 0;
    for (; taken < words && in >> word; ++taken) query += (query.empty() ? "" : " ") + word;
    if (taken < 2 || !seen.insert(query).second) continue;
    queries.push_back(query);
  }
  return queries;
}

std::vector<std::string> VenueTitles(const std::filesystem::path& store_file) {
  auto venues = store::OpenSqliteVenueStore(store_file);
  if (!venues) return {};
  auto editions = (*venues)->ListEditions();
  if (!editions) return {};
  std::vector<std::string> titles;
  for (const store::VenueEditionSummary& summary : *editions) {
    auto papers = (*venues)->PapersOfEdition(summary.edition.Tag(), std::nullopt, 0, 1 << 30);
    if (!papers) return {};
    for (const VenuePaper& paper : *papers) titles.push_back(paper.title);
  }
  return titles;
}

std::vector<std::string> WithPrefix(const std::string& prefix, std::vector<std::string> queries) {
  for (std::string& query : queries) query = prefix + query;
  return queries;
}

void WriteLines(const std::filesystem::path& path, const std::vector<std::string>& lines) {
  std::ofstream out(path);
  for (const std::string& line : lines) out << line << '\n';
}

}  // namespace

int main(int argc, char** argv) {
  const Flags flags = ParseFlags(argc, argv);
  std::vector<std::string> arxiv_titles;
  for (const Paper& paper : bench::ReadRealPapers(flags.metadata_dir)) {
    arxiv_titles.push_back(paper.title);
  }
  const std::vector<std::string> venue_titles = VenueTitles(flags.data_dir / "coolpapers.sqlite");
  if (arxiv_titles.empty() || venue_titles.empty()) {
    std::fprintf(stderr, "venue_search_bench: needs arXiv records under %s and venue papers in %s\n",
                 flags.metadata_dir.c_str(), flags.data_dir.c_str());
    return 1;
  }
  auto searcher = search::Searcher::Open(flags.data_dir / "index");
  if (!searcher) {
    std::fprintf(stderr, "venue_search_bench: %s\n", searcher.error().message.c_str());
    return 1;
  }
  const std::vector<std::string> arxiv = TitleQueries(arxiv_titles, flags.every_arxiv);
  const std::vector<std::string> venue = TitleQueries(venue_titles, flags.every_venue);
  std::vector<std::string> both;
  for (std::size_t i = 0; i < std::max(arxiv.size(), venue.size()); ++i) {
    if (i < arxiv.size()) both.push_back(arxiv[i]);
    if (i < venue.size()) both.push_back(venue[i]);
  }
  // Each set's queries go to its file without the branch filter: the HTTP half asks
  // /api/venue/search (which adds branch:venue) and /api/search with the prefix of its own.
  const struct {
    const char* name;
    const char* prefix;
    const std::vector<std::string>& queries;
    const char* file;
  } kSets[] = {
      {"arXiv titles, default branch", "", arxiv, "arxiv.txt"},
      {"arXiv titles, branch:arxiv", "branch:arxiv ", arxiv, nullptr},
      {"venue titles, branch:venue", "branch:venue ", venue, "venue.txt"},
      {"both lists, branch:both", "branch:both ", both, "both.txt"},
  };
  std::printf("corpus\t%zu arXiv records, %zu venue papers\n", arxiv_titles.size(),
              venue_titles.size());
  for (const auto& set : kSets) {
    const bench::Quantiles q = bench::TimeQueries(**searcher, WithPrefix(set.prefix, set.queries));
    std::printf("%s (%zu queries)\t%.3f ms, %.3f ms wall; %.3f ms, %.3f ms CPU (slowest: %s)\n",
                set.name, set.queries.size(), q.median_ms, q.p99_ms, q.cpu_median_ms,
                q.cpu_p99_ms, q.slowest.c_str());
    if (q.failed > 0) std::printf("  %d queries failed\n", q.failed);
    if (!flags.queries_out.empty() && set.file != nullptr) {
      WriteLines(flags.queries_out / set.file, set.queries);
    }
  }
  return 0;
}
