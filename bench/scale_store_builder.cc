// Builds issue 19's store of arXiv's size: the real daily records of --metadata imported by the
// bulk importer `coolpapers import` uses (ingest/bulk_importer.h), then synthetic papers made
// from them (synthetic_corpus.h) up to --papers in all (default 2,700,000), written through
// Store::WriteRecords in the importer's batches of 2,000, one transaction each.
//
// The synthetic papers get realistic new-style ids and listings: 25,000 a month from January
// 2015 ("1501.00001") on, so 2.7M papers end in 2023, before the real 2025 days; each is
// listed on a weekday of its month (about 1,200 papers a day), new in its primary category and
// cross-listed in the others, as the real records are (~1.75 listings a paper, 4.7M in all).
//   scale_store_builder --metadata DIR --data DIR [--papers N]
//   scale_store_builder --migrate DIR     (only brings the store in DIR to the current schema)
// --data must not hold a store yet. Progress goes to stderr; the results are printed as
// "name<TAB>value" lines (scripts/bench_scale.sh prints them in its table).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <future>
#include <functional>
#include <string>
#include <unordered_set>
#include <vector>

#include "bench/bench_papers.h"
#include "bench/bench_store.h"
#include "bench/synthetic_corpus.h"
#include "ingest/bulk_importer.h"

namespace {

namespace bench = coolpapers::bench;
namespace ingest = coolpapers::ingest;
namespace store = coolpapers::store;
using coolpapers::Date;
using coolpapers::Listing;
using coolpapers::Paper;
using coolpapers::PaperRecord;
using Clock = std::chrono::steady_clock;

// What the ids and listing days of the synthetic papers follow; the stamp of scripts/bench_scale.sh
// names this generator's version, so change it with these.
constexpr int64_t kPapersPerMonth = 25'000;
constexpr int kFirstYear = 2015;
constexpr int kBatchSize = 2'000;  // BulkImportOptions::batch_size

struct Flags {
  std::string metadata_dir;
  std::string data_dir;
  int64_t papers = 2'700'000;
  bool migrate_only = false;
};

bool ParseFlags(int argc, char** argv, Flags& flags) {
  if (argc == 3 && std::string(argv[1]) == "--migrate") {
    flags.data_dir = argv[2];
    flags.migrate_only = true;
    return true;
  }
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string name = argv[i];
    const std::string value = argv[i + 1];
    if (name == "--metadata") {
      flags.metadata_dir = value;
    } else if (name == "--data") {
      flags.data_dir = value;
    } else if (name == "--papers") {
      flags.papers = std::atoll(value.c_str());
    } else {
      return false;
    }
  }
  return argc % 2 == 1 && !flags.metadata_dir.empty() && !flags.data_dir.empty() &&
         flags.papers > 0;
}

double SecondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

class QuietObserver : public ingest::ImportObserver {
 public:
  void OnProgress(const ingest::ImportCounts&) override {}
  void OnMalformedLine(const ingest::MalformedLine& line) override {
    std::fprintf(stderr, "%s:%lld: %s\n", line.file.c_str(), static_cast<long long>(line.line),
                 line.message.c_str());
  }
};

// The weekdays of a month, in order: the days arXiv announces on.
std::vector<Date> Weekdays(int year, unsigned month) {
  std::vector<Date> days;
  for (Date day = Date::FromYmd(year, month, 1); day.ymd().month() == std::chrono::month{month};
       day = day.AddDays(1)) {
    if (day.weekday() != std::chrono::Saturday && day.weekday() != std::chrono::Sunday) {
      days.push_back(day);
    }
  }
  return days;
}

// Synthetic paper n with issue 19's id and its listings: the corpus gives the words, authors
// and categories; the id, the day and the listings follow from n. A few real records are old
// papers (1812.06145); a synthetic paper whose id one of them has takes the number + 50,000.
PaperRecord MakeRecord(const bench::SyntheticCorpus& corpus,
                       const std::unordered_set<std::string>& real_ids, int64_t n) {
  PaperRecord record{corpus.Make(n), {}};
  const int64_t month = n / kPapersPerMonth;
  const int year = kFirstYear + static_cast<int>(month / 12);
  const auto month_of_year = static_cast<unsigned>(month % 12 + 1);
  const int64_t number = n % kPapersPerMonth;  // 0-based within the month
  char id[16];
  std::snprintf(id, sizeof id, "%02d%02u.%05lld", year % 100, month_of_year,
                static_cast<long long>(number + 1));
  if (real_ids.contains(id)) {
    std::snprintf(id, sizeof id, "%02d%02u.%05lld", year % 100, month_of_year,
                  static_cast<long long>(number + 50'001));
  }
  const std::vector<Date> days = Weekdays(year, month_of_year);
  const Date day = days[static_cast<std::size_t>(number * static_cast<int64_t>(days.size()) /
                                                 kPapersPerMonth)];
  Paper& paper = record.paper;
  paper.id = id;
  paper.first_listed = day;
  for (std::size_t i = 0; i < paper.categories.size(); ++i) {
    record.listings.push_back(Listing{day, paper.categories[i], paper.id,
                                      i == 0 ? coolpapers::AnnounceType::kNew
                                             : coolpapers::AnnounceType::kCross,
                                      number});
  }
  return record;
}

std::vector<PaperRecord> MakeBatch(const bench::SyntheticCorpus& corpus,
                                   const std::unordered_set<std::string>& real_ids, int64_t first,
                                   int64_t end) {
  std::vector<PaperRecord> batch;
  batch.reserve(static_cast<std::size_t>(end - first));
  for (int64_t n = first; n < end; ++n) batch.push_back(MakeRecord(corpus, real_ids, n));
  return batch;
}

std::vector<std::filesystem::path> JsonlFiles(const std::string& dir) {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() == ".jsonl") files.push_back(entry.path());
  }
  std::ranges::sort(files);
  return files;
}

}  // namespace

int main(int argc, char** argv) {
  Flags flags;
  if (!ParseFlags(argc, argv, flags)) {
    std::fprintf(stderr,
                 "usage: scale_store_builder --metadata DIR --data DIR [--papers N]\n"
                 "       scale_store_builder --migrate DIR\n");
    return 2;
  }
  std::filesystem::create_directories(flags.data_dir);
  const auto start = Clock::now();
  auto opened = bench::OpenBenchStore("", flags.data_dir);  // migrates an older store
  if (!opened) {
    std::fprintf(stderr, "scale_store_builder: %s\n", opened.error().message.c_str());
    return 1;
  }
  if (flags.migrate_only) {
    std::printf("store migrated to the current schema\t%.1f s\n", SecondsSince(start));
    return 0;
  }
  store::Store& papers_store = **opened;

  QuietObserver observer;
  const std::vector<std::filesystem::path> files = JsonlFiles(flags.metadata_dir);
  auto imported = ingest::ImportFiles(papers_store, files, observer);
  if (!imported) {
    std::fprintf(stderr, "scale_store_builder: %s\n", imported.error().message.c_str());
    return 1;
  }
  const int64_t real_count = imported->records;
  const double real_seconds = SecondsSince(start);
  std::fprintf(stderr, "imported %lld real records in %.1f s\n",
               static_cast<long long>(real_count), real_seconds);

  const bench::SyntheticCorpus corpus(bench::ReadRealPapers(flags.metadata_dir));
  std::unordered_set<std::string> real_ids;
  for (const Paper& paper : corpus.real()) real_ids.insert(paper.id);
  const int64_t synthetic = std::max<int64_t>(0, flags.papers - real_count);
  const auto synthetic_start = Clock::now();
  int64_t listings = imported->written.listings_written;
  // The next batch is made on another thread while this one is written.
  std::future<std::vector<PaperRecord>> next =
      std::async(std::launch::async, MakeBatch, std::cref(corpus), std::cref(real_ids), 0,
                 std::min<int64_t>(kBatchSize, synthetic));
  for (int64_t first = 0; first < synthetic; first += kBatchSize) {
    std::vector<PaperRecord> batch = next.get();
    const int64_t after = first + kBatchSize;
    if (after < synthetic) {
      next = std::async(std::launch::async, MakeBatch, std::cref(corpus), std::cref(real_ids), after,
                        std::min<int64_t>(after + kBatchSize, synthetic));
    }
    auto written = papers_store.WriteRecords(batch);
    if (!written) {
      std::fprintf(stderr, "scale_store_builder: %s\n", written.error().message.c_str());
      return 1;
    }
    listings += written->listings_written;
    if ((first / kBatchSize) % 100 == 0) {
      std::fprintf(stderr, "%lld of %lld synthetic papers, %.0f s\n",
                   static_cast<long long>(first), static_cast<long long>(synthetic),
                   SecondsSince(synthetic_start));
    }
  }
  const double synthetic_seconds = SecondsSince(synthetic_start);
  std::printf("store papers\t%lld (%lld real, %lld synthetic), %lld listings\n",
              static_cast<long long>(real_count + synthetic), static_cast<long long>(real_count),
              static_cast<long long>(synthetic), static_cast<long long>(listings));
  std::printf("store build: real records (bulk import)\t%.1f s, %.0f records/s\n", real_seconds,
              static_cast<double>(real_count) / real_seconds);
  std::printf("store build: synthetic papers (WriteRecords)\t%.1f s, %.0f papers/s\n",
              synthetic_seconds, static_cast<double>(synthetic) / synthetic_seconds);
  return 0;
}
