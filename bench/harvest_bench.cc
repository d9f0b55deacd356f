// Issue #3's harvest target: a day of 2,000 listing entries across categories, built from the
// real records in ../shared/data/metadata and served by the loopback replay server (feeds and
// export API answers, no politeness interval), harvested and stored through Harvester::RunJob
// in <= 2 s of our own CPU time. "Our own" is the CPU time of the harvesting thread
// (CLOCK_THREAD_CPUTIME_ID): parsing, merging, SQLite and libcurl all run on it, while the
// replay server's threads are left out. Wall time is shown too.
//   harvest_bench [--shared DIR] [--entries N] [--runs N]
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <string>
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

namespace {

using namespace coolpapers;

const std::vector<std::string> kCategories = {"cs.AI", "cs.CL", "cs.CV", "cs.LG",
                                              "cs.RO", "cs.GR", "eess.IV", "cs.MM"};

struct Flags {
  std::filesystem::path shared;
  std::size_t entries = 2000;
  int runs = 3;
};

Flags ParseFlags(int argc, char** argv) {
  Flags flags;
  const char* env = std::getenv("COOLPAPERS_SHARED_DIR");
  flags.shared = std::filesystem::path(env != nullptr ? env : "../shared") / "data";
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--shared") flags.shared = std::filesystem::path(argv[i + 1]) / "data";
    if (flag == "--entries") flags.entries = std::stoul(argv[i + 1]);
    if (flag == "--runs") flags.runs = std::stoi(argv[i + 1]);
  }
  return flags;
}

double ThreadCpuSeconds() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) / 1e9;
}

// Real papers, in file order, until their listings in kCategories reach `entries`.
std::vector<Paper> PapersForEntries(const std::filesystem::path& shared, std::size_t entries) {
  std::vector<Paper> chosen;
  std::size_t listed = 0;
  for (Paper& paper : testing::LoadArxivPapers(shared, entries * 2)) {
    const auto in_set = static_cast<std::size_t>(
        std::ranges::count_if(paper.categories, [](const std::string& category) {
          return std::ranges::find(kCategories, category) != kCategories.end();
        }));
    if (in_set == 0) continue;
    if (listed + in_set > entries) continue;
    listed += in_set;
    chosen.push_back(std::move(paper));
    if (listed == entries) break;
  }
  return chosen;
}

struct Run {
  double cpu = 0;
  double wall = 0;
  int64_t papers = 0;
  bool complete = true;
};

Run HarvestOnce(const testing::ReplayServer& server) {
  testing::TempDir dir;
  const auto path = dir.path() / "coolpapers.sqlite";
  auto store = store::OpenSqliteStore(path);
  auto state = store::OpenSqliteHarvestState(path);
  auto queue = store::OpenSqliteJobQueue(path);
  if (!store || !state || !queue) {
    std::fprintf(stderr, "harvest_bench: cannot open the store\n");
    std::exit(1);
  }
  net::CurlHttpClientOptions http;
  http.use_environment_proxy = false;
  auto curl = net::MakeCurlHttpClient(http);
  net::HostPoliteness politeness(RealClock());  // no interval: measure our work only
  net::PoliteClient client(*curl, politeness, net::RetryOptions{});
  harvest::HarvestOptions options;
  options.categories = kCategories;
  options.feed_base_url = server.Url("/atom/");
  options.api_url = server.Url("/api/query");
  harvest::Harvester harvester(**store, **state, **queue, client, options);

  Run run;
  const auto wall_start = std::chrono::steady_clock::now();
  const double cpu_start = ThreadCpuSeconds();
  for (const std::string& category : kCategories) {
    store::Job job;
    job.key = harvest::FeedJobKey(category);
    const jobs::JobOutcome outcome = harvester.RunJob(job, jobs::JobContext{});
    if (outcome.kind != jobs::JobOutcome::Kind::kDone) {
      std::fprintf(stderr, "harvest_bench: %s: %s\n", category.c_str(), outcome.text.c_str());
      run.complete = false;
    }
  }
  run.cpu = ThreadCpuSeconds() - cpu_start;
  run.wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_start).count();
  run.papers = (*store)->PaperCount().value_or(-1);
  return run;
}

}  // namespace

int main(int argc, char** argv) {
  const Flags flags = ParseFlags(argc, argv);
  if (!std::filesystem::is_directory(flags.shared / "metadata")) {
    std::fprintf(stderr, "harvest_bench: needs %s (pass --shared DIR)\n", flags.shared.c_str());
    return 1;
  }
  const std::vector<Paper> papers = PapersForEntries(flags.shared, flags.entries);
  const testing::ArxivDay day = testing::MakeArxivDay(papers, kCategories, Date::FromYmd(2025, 8, 20));
  std::size_t entries = 0;
  for (const auto& [category, feed] : day.feeds) entries += feed.size();

  testing::ReplayServer server;
  testing::ServeArxivDay(server, day, "/atom/", "/api/query",
                         harvest::HarvestOptions{}.api_batch_size);

  std::vector<Run> runs;
  for (int i = 0; i < flags.runs; ++i) runs.push_back(HarvestOnce(server));
  std::vector<Run> by_cpu = runs;
  std::ranges::sort(by_cpu, {}, &Run::cpu);
  const Run median = by_cpu[by_cpu.size() / 2];

  std::printf(
      "harvest_bench: %zu listing entries, %zu papers, %zu categories, %zu requests per run\n",
      entries, day.papers.size(), day.feeds.size(),
      server.RequestLog().size() / static_cast<std::size_t>(flags.runs));
  std::printf("%-8s %12s %12s %10s %9s\n", "run", "cpu (s)", "wall (s)", "papers", "complete");
  for (std::size_t i = 0; i < runs.size(); ++i) {
    std::printf("%-8zu %12.3f %12.3f %10lld %9s\n", i + 1, runs[i].cpu, runs[i].wall,
                static_cast<long long>(runs[i].papers), runs[i].complete ? "yes" : "NO");
  }
  std::printf("median cpu %10.3f %12.3f   target: cpu <= 2.000 s\n", median.cpu, median.wall);
  return median.complete && median.cpu <= 2.0 ? 0 : 1;
}
