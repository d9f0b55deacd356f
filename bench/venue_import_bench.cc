// Issue #14's venue import target (>= 20,000 records/s): ImportVenueFiles into a fresh SQLite
// store, timed on
//   1. every venue sample of ../shared/data/venues (15 files, 6 formats' worth, ~6,200 records),
//      fresh and then again into the same store (every paper merged, nothing new);
//   2. a synthetic Paper Copilot list of N records (default 60,000), the real ICLR 2018 records
//      repeated under new OpenReview ids, streamed from one 60 MB file.
// Prints records/s by wall time and by this process's CPU time for each, best of --runs, and
// the load average: on a shared machine the wall rate says as much about the neighbours.
//   venue_import_bench [--shared DIR] [--records N] [--runs N] [--batch PAPERS_PER_TRANSACTION]
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ingest/venue/venue_importer.h"
#include "store/sqlite_venue_store.h"
#include "tests/support/temp_dir.h"

namespace {

using namespace coolpapers;
using Clock = std::chrono::steady_clock;

struct Flags {
  std::filesystem::path venues;
  int records = 60000;
  int runs = 3;
  int batch = 0;  // papers per transaction; 0: the importer's default
};

Flags ParseFlags(int argc, char** argv) {
  Flags flags;
  const char* env = std::getenv("COOLPAPERS_SHARED_DIR");
  flags.venues = std::filesystem::path(env != nullptr ? env : "../shared") / "data" / "venues";
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--shared") flags.venues = std::filesystem::path(argv[i + 1]) / "data" / "venues";
    if (flag == "--records") flags.records = std::stoi(argv[i + 1]);
    if (flag == "--runs") flags.runs = std::stoi(argv[i + 1]);
    if (flag == "--batch") flags.batch = std::stoi(argv[i + 1]);
  }
  return flags;
}

class Silent : public ingest::ImportObserver {
 public:
  void OnProgress(const ingest::ImportCounts&) override {}
  void OnMalformedLine(const ingest::MalformedLine&) override { ++malformed; }
  int64_t malformed = 0;
};

std::vector<std::filesystem::path> SampleFiles(const std::filesystem::path& venues) {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(venues)) {
    const std::string ext = entry.path().extension().string();
    if (ext == ".json" || ext == ".xml" || ext == ".bib") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// The real ICLR 2018 list repeated under fresh ids until it has `records` records.
std::filesystem::path WriteSyntheticList(const std::filesystem::path& venues,
                                         const std::filesystem::path& dir, int records) {
  std::ifstream in(venues / "papercopilot" / "iclr2018-openreview.json");
  const nlohmann::json real = nlohmann::json::parse(in);
  nlohmann::json list = nlohmann::json::array();
  for (int i = 0; i < records; ++i) {
    nlohmann::json record = real[static_cast<size_t>(i) % real.size()];
    const std::string id = "syn" + std::to_string(i);
    record["id"] = id;
    record["site"] = "https://openreview.net/forum?id=" + id;
    record["pdf"] = "https://openreview.net/pdf?id=" + id;
    list.push_back(std::move(record));
  }
  const std::filesystem::path path = dir / "iclr2030-synthetic.json";
  std::ofstream(path) << list.dump(1);
  return path;
}

struct Timing {
  double seconds = 0;      // wall
  double cpu_seconds = 0;  // this process's, all threads
  // The calling thread's: reading and parsing. The rest of cpu_seconds is the writer thread's
  // (the store). On two idle cores the two overlap, so the larger bounds the wall time.
  double read_cpu_seconds = 0;
  int64_t records = 0;
  double rate() const { return seconds > 0 ? static_cast<double>(records) / seconds : 0; }
  double cpu_rate() const { return cpu_seconds > 0 ? static_cast<double>(records) / cpu_seconds : 0; }
};

double CpuSeconds(clockid_t clock) {
  timespec now{};
  clock_gettime(clock, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) / 1e9;
}

Timing Import(store::VenueStore& store, const std::vector<std::filesystem::path>& files,
              int batch) {
  Silent observer;
  ingest::VenueImportOptions options;
  if (batch > 0) options.batch_size = static_cast<size_t>(batch);
  const auto start = Clock::now();
  const double cpu_start = CpuSeconds(CLOCK_PROCESS_CPUTIME_ID);
  const double read_start = CpuSeconds(CLOCK_THREAD_CPUTIME_ID);
  auto summary = ingest::ImportVenueFiles(store, files, observer, options);
  const double read_cpu_seconds = CpuSeconds(CLOCK_THREAD_CPUTIME_ID) - read_start;
  const double cpu_seconds = CpuSeconds(CLOCK_PROCESS_CPUTIME_ID) - cpu_start;
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  if (!summary) {
    std::fprintf(stderr, "venue_import_bench: %s\n", summary.error().message.c_str());
    std::exit(1);
  }
  return {seconds, cpu_seconds, read_cpu_seconds, summary->counts.records};
}

std::string LoadAverage() {
  std::ifstream in("/proc/loadavg");
  std::string one, five, fifteen;
  in >> one >> five >> fifteen;
  return one + " " + five + " " + fifteen;
}

void Report(const char* what, const std::vector<Timing>& runs) {
  Timing best = runs.front();
  for (const Timing& run : runs) {
    if (run.rate() > best.rate()) best = run;
  }
  std::printf("%-42s %6lld records  %6.3f s wall %7.0f records/s  %6.3f s CPU %7.0f records/s"
              " (best of %zu)\n",
              what, static_cast<long long>(best.records), best.seconds, best.rate(),
              best.cpu_seconds, best.cpu_rate(), runs.size());
  // Reading and writing overlap on two cores: the busier thread bounds an idle machine's rate.
  const double write_cpu = best.cpu_seconds - best.read_cpu_seconds;
  const double busiest = std::max(best.read_cpu_seconds, write_cpu);
  std::printf("%-42s read thread %.3f s CPU, writer thread %.3f s CPU: %7.0f records/s on two "
              "idle cores\n",
              "", best.read_cpu_seconds, write_cpu,
              busiest > 0 ? static_cast<double>(best.records) / busiest : 0.0);
}

}  // namespace

int main(int argc, char** argv) {
  const Flags flags = ParseFlags(argc, argv);
  if (!std::filesystem::exists(flags.venues)) {
    std::fprintf(stderr, "venue_import_bench: needs %s\n", flags.venues.c_str());
    return 1;
  }
  std::printf("load average before: %s (2 cores, shared)\n", LoadAverage().c_str());
  coolpapers::testing::TempDir dir;
  const std::vector<std::filesystem::path> samples = SampleFiles(flags.venues);
  const std::vector<std::filesystem::path> synthetic = {
      WriteSyntheticList(flags.venues, dir.path(), flags.records)};

  std::vector<Timing> fresh, again, large;
  for (int run = 0; run < flags.runs; ++run) {
    const std::filesystem::path path = dir.path() / ("run" + std::to_string(run) + ".sqlite");
    auto store = store::OpenSqliteVenueStore(path);
    if (!store) return 1;
    fresh.push_back(Import(**store, samples, flags.batch));
    again.push_back(Import(**store, samples, flags.batch));
    auto big = store::OpenSqliteVenueStore(dir.path() / ("big" + std::to_string(run) + ".sqlite"));
    if (!big) return 1;
    large.push_back(Import(**big, synthetic, flags.batch));
  }
  Report("every venue sample, fresh store", fresh);
  Report("every venue sample again (all merged)", again);
  Report("synthetic Paper Copilot list, fresh store", large);
  std::printf("load average after: %s\n", LoadAverage().c_str());
  return 0;
}
