// Issue #19 target 2: the page cache's hit ratio under a reader load while a day is harvested.
// A store of real papers (../shared/data/metadata) listed over 10 past days in 8 categories and
// a Site on it; reader threads ask, at random, for a fixed set of pages (every category's day
// pages, newest-day pages, unions, calendars, paper pages, the home page) while the harvester
// stores a new day of 2,000 listing entries from the loopback replay server (as harvest_bench).
// Run twice on fresh stores: "tagged" is this build (a write drops the pages that show it);
// "drop-all" emulates the rule before it, clearing the whole cache whenever the store's change
// stamp moves (polled as often as the site's own sync).
//   cache_harvest_bench [--shared DIR] [--papers N] [--entries N] [--readers N]
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "harvest/harvester.h"
#include "net/host_politeness.h"
#include "net/polite_client.h"
#include "store/sqlite_harvest_state.h"
#include "store/sqlite_job_queue.h"
#include "store/sqlite_store.h"
#include "tests/support/arxiv_fixtures.h"
#include "tests/support/replay_server.h"
#include "tests/support/temp_dir.h"
#include "web/metrics/prometheus_text.h"
#include "web/site.h"
#include "web/site_metrics.h"

namespace {

using namespace coolpapers;

const std::vector<std::string> kCategories = {"cs.AI", "cs.CL", "cs.CV", "cs.LG",
                                              "cs.RO", "cs.GR", "eess.IV", "cs.MM"};
constexpr int kPastDays = 10;
const Date kFirstDay = Date::FromYmd(2025, 8, 4);
const Date kHarvestedDay = Date::FromYmd(2025, 8, 20);

struct Flags {
  std::filesystem::path shared;
  std::size_t papers = 20000;
  std::size_t entries = 2000;
  int readers = 2;
};

Flags ParseFlags(int argc, char** argv) {
  Flags flags;
  const char* env = std::getenv("COOLPAPERS_SHARED_DIR");
  flags.shared = std::filesystem::path(env != nullptr ? env : "../shared") / "data";
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--shared") flags.shared = std::filesystem::path(argv[i + 1]) / "data";
    if (flag == "--papers") flags.papers = std::stoul(argv[i + 1]);
    if (flag == "--entries") flags.entries = std::stoul(argv[i + 1]);
    if (flag == "--readers") flags.readers = std::stoi(argv[i + 1]);
  }
  return flags;
}

// Each paper listed on one of the past days (by its place in the list), in each of its
// categories that the bench covers: new in the first, cross in the others.
std::vector<PaperRecord> PastDays(const std::vector<Paper>& papers) {
  std::vector<PaperRecord> records;
  for (std::size_t i = 0; i < papers.size(); ++i) {
    PaperRecord record;
    record.paper = papers[i];
    const Date day = kFirstDay.AddDays(static_cast<int>(i % kPastDays));
    for (const std::string& category : papers[i].categories) {
      if (std::ranges::find(kCategories, category) == kCategories.end()) continue;
      const AnnounceType type = record.listings.empty() ? AnnounceType::kNew : AnnounceType::kCross;
      record.listings.push_back({day, category, papers[i].id, type, static_cast<int64_t>(i)});
    }
    if (!record.listings.empty()) records.push_back(std::move(record));
  }
  return records;
}

std::vector<std::string> ReaderTargets(const std::vector<PaperRecord>& records) {
  std::vector<std::string> targets = {"/"};
  for (const std::string& category : kCategories) {
    targets.push_back("/arxiv/" + category);
    targets.push_back("/api/days/" + category);
    for (int d = 0; d < kPastDays; ++d) {
      targets.push_back("/arxiv/" + category + "?date=" + kFirstDay.AddDays(d).ToIso());
    }
  }
  for (const char* union_expr : {"cs.AI,cs.CL", "cs.CV,cs.LG", "cs.AI,cs.CL,cs.LG", "cs.GR,cs.MM"}) {
    targets.push_back(std::string("/arxiv/") + union_expr);
    targets.push_back(std::string("/arxiv/") + union_expr + "?date=" +
                      kFirstDay.AddDays(kPastDays - 1).ToIso());
  }
  for (std::size_t i = 0; i < records.size() && i < 4000; i += 10) {
    targets.push_back("/arxiv/" + records[i].paper.id);
  }
  return targets;
}

struct Lookups {
  double hits = 0;
  double misses = 0;
};

Lookups ReadLookups(const web::SiteMetrics& metrics) {
  web::PrometheusText text;
  metrics.Append(text);
  Lookups lookups;
  const std::string& out = text.text();
  for (const auto& [result, into] : {std::pair{"hit", &lookups.hits}, {"miss", &lookups.misses}}) {
    const std::string series =
        std::string("coolpapers_page_cache_lookups_total{cache=\"pages\",result=\"") + result +
        "\"} ";
    const std::size_t at = out.find(series);
    if (at != std::string::npos) *into = std::atof(out.c_str() + at + series.size());
  }
  return lookups;
}

double Ratio(const Lookups& from, const Lookups& to) {
  const double hits = to.hits - from.hits;
  const double all = hits + to.misses - from.misses;
  return all > 0 ? hits / all : 0;
}

struct Outcome {
  double misses_during = 0;  // pages rendered while the harvest ran
  double warm = 0;
  double during = 0;
  double after = 0;
  double harvest_seconds = 0;
  double requests = 0;
};

Outcome RunOnce(const std::filesystem::path& dir, const std::vector<PaperRecord>& past,
               const std::vector<std::string>& targets, const testing::ReplayServer& server,
               int readers, bool drop_all) {
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const auto path = dir / "coolpapers.sqlite";
  auto store = store::OpenSqliteStore(path);
  auto state = store::OpenSqliteHarvestState(path);
  auto queue = store::OpenSqliteJobQueue(path);
  if (!store || !state || !queue || !(*store)->WriteRecords(past)) {
    std::fprintf(stderr, "cache_harvest_bench: cannot open or fill the store\n");
    std::exit(1);
  }
  web::SiteMetrics metrics;
  web::SiteServices services;
  services.metrics = &metrics;
  services.harvest_state = state->get();
  web::SiteOptions options;
  options.limits.render = {.per_minute = 1 << 30, .burst = 1 << 30};  // one client: the bench
  web::Site site(**store, options, std::move(services));

  std::atomic<bool> stop = false;
  std::jthread clearer;  // the rule before: everything goes when the stamp moves
  if (drop_all) {
    clearer = std::jthread([&] {
      uint64_t last = (*store)->ChangeStamp().value_or(0);
      while (!stop) {
        std::this_thread::sleep_for(options.change_poll);
        const uint64_t now = (*store)->ChangeStamp().value_or(last);
        if (now != last) site.cache().Clear();
        last = now;
      }
    });
  }
  for (const std::string& target : targets) site.Handle(web::Request{"GET", target, true});
  std::atomic<uint64_t> requests = 0;
  std::vector<std::jthread> threads;
  for (int r = 0; r < readers; ++r) {
    threads.emplace_back([&, r] {
      std::mt19937 random(static_cast<unsigned>(r + 1));
      std::uniform_int_distribution<std::size_t> pick(0, targets.size() - 1);
      while (!stop) {
        site.Handle(web::Request{"GET", targets[pick(random)], true});
        ++requests;
      }
    });
  }
  Outcome result;
  const Lookups start = ReadLookups(metrics);
  std::this_thread::sleep_for(std::chrono::seconds(2));
  const Lookups warm = ReadLookups(metrics);
  result.warm = Ratio(start, warm);

  net::CurlHttpClientOptions http;
  http.use_environment_proxy = false;
  auto curl = net::MakeCurlHttpClient(http);
  net::HostPoliteness politeness(RealClock());
  net::PoliteClient client(*curl, politeness, net::RetryOptions{});
  harvest::HarvestOptions harvest_options;
  harvest_options.categories = kCategories;
  harvest_options.feed_base_url = server.Url("/atom/");
  harvest_options.api_url = server.Url("/api/query");
  harvest::Harvester harvester(**store, **state, **queue, client, harvest_options);
  const auto harvest_start = std::chrono::steady_clock::now();
  for (const std::string& category : kCategories) {
    store::Job job;
    job.key = harvest::FeedJobKey(category);
    harvester.RunJob(job, jobs::JobContext{});
  }
  // The harvest's last write shows within one poll: count that poll in "during".
  std::this_thread::sleep_for(options.change_poll);
  result.harvest_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - harvest_start).count();
  const Lookups harvested = ReadLookups(metrics);
  result.during = Ratio(warm, harvested);
  result.misses_during = harvested.misses - warm.misses;
  std::this_thread::sleep_for(std::chrono::seconds(2));
  result.after = Ratio(harvested, ReadLookups(metrics));
  stop = true;
  threads.clear();
  result.requests = static_cast<double>(requests);
  return result;
}

std::string LoadAverage() {
  std::string load(128, '\0');
  FILE* file = std::fopen("/proc/loadavg", "r");
  if (file == nullptr) return "?\n";
  if (std::fgets(load.data(), static_cast<int>(load.size()), file) == nullptr) load = "?\n";
  std::fclose(file);
  return load.c_str();
}

}  // namespace

int main(int argc, char** argv) {
  const Flags flags = ParseFlags(argc, argv);
  if (!std::filesystem::is_directory(flags.shared / "metadata")) {
    std::fprintf(stderr, "cache_harvest_bench: needs %s (pass --shared DIR)\n",
                 flags.shared.c_str());
    return 1;
  }
  const std::vector<PaperRecord> past =
      PastDays(testing::LoadArxivPapers(flags.shared, flags.papers, "2025-01"));
  const std::vector<std::string> targets = ReaderTargets(past);
  // The new day: papers of August, each listed in every covered category it has.
  std::vector<Paper> fresh;
  std::size_t entries = 0;
  for (Paper& paper : testing::LoadArxivPapers(flags.shared, flags.entries * 2, "2025-08")) {
    const auto listed = static_cast<std::size_t>(std::ranges::count_if(
        paper.categories,
        [](const std::string& c) { return std::ranges::find(kCategories, c) != kCategories.end(); }));
    if (listed == 0 || entries + listed > flags.entries) continue;
    entries += listed;
    fresh.push_back(std::move(paper));
  }
  const testing::ArxivDay day = testing::MakeArxivDay(fresh, kCategories, kHarvestedDay);
  testing::ReplayServer server;
  testing::ServeArxivDay(server, day, "/atom/", "/api/query",
                         harvest::HarvestOptions{}.api_batch_size);

  testing::TempDir dir;
  std::printf("cache_harvest_bench: %zu papers over %d days in %zu categories, %zu reader "
              "targets, %d reader threads; harvest of %zu entries; load average %s",
              past.size(), kPastDays, kCategories.size(), targets.size(), flags.readers, entries,
              LoadAverage().c_str());
  std::printf("%-10s %10s %16s %18s %12s %12s %10s\n", "rule", "hits warm", "hits harvesting",
              "renders harvesting", "hits after", "harvest (s)", "requests");
  for (const bool drop_all : {true, false}) {
    const Outcome r = RunOnce(dir.path() / (drop_all ? "drop-all" : "tagged"), past, targets,
                             server, flags.readers, drop_all);
    std::printf("%-10s %9.2f%% %15.2f%% %18.0f %11.2f%% %12.2f %10.0f\n",
                drop_all ? "drop-all" : "tagged", 100 * r.warm, 100 * r.during, r.misses_during,
                100 * r.after, r.harvest_seconds, r.requests);
  }
  return 0;
}
