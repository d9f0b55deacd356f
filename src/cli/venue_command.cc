#include "cli/venue_command.h"

#include <unistd.h>

#include <cstdio>

#include "cli/console_progress.h"
#include "cli/data_dir.h"
#include "cli/instance.h"
#include "core/clock.h"
#include "cli/print_error.h"
#include "ingest/venue/venue_importer.h"
#include "ingest/venue/venue_report.h"
#include "search/index_sync.h"
#include "search/paper_indexer.h"
#include "store/store_location.h"

namespace coolpapers::cli {
namespace {

constexpr int kExitOk = 0;
constexpr int kExitFailed = 1;
constexpr int kExitUsage = 2;

int ReportError(const Error& error) {
  PrintError(error);
  return kExitFailed;
}

int RunList(store::VenueStore& store) {
  auto editions = store.ListEditions();
  if (!editions) return ReportError(editions.error());
  std::vector<std::vector<store::VenueGroupCount>> groups;
  for (const store::VenueEditionSummary& summary : *editions) {
    auto counts = store.GroupCounts(summary.edition.Tag());
    if (!counts) return ReportError(counts.error());
    groups.push_back(std::move(*counts));
  }
  std::fputs(ingest::RenderVenueList(*editions, groups).c_str(), stdout);
  return kExitOk;
}

// Makes the imported papers searchable. A running `serve` holds the index and indexes them
// itself within a second (its IndexUpdater follows the venue stamp), so a busy index is fine.
int IndexVenuePapers(store::VenueStore& store, const std::filesystem::path& data_dir) {
  auto indexer = search::PaperIndexer::Open(IndexPath(data_dir));
  if (!indexer) {
    if (indexer.error().code != ErrorCode::kUnavailable) return ReportError(indexer.error());
    std::fprintf(stderr,
                 "the search index is in use (a running `coolpapers serve` indexes the venue "
                 "papers itself)\n");
    return kExitOk;
  }
  auto indexed = search::SyncVenueIndex(store, **indexer);
  if (!indexed) return ReportError(indexed.error());
  std::fprintf(stderr, "search index: %lld venue papers indexed\n",
               static_cast<long long>(*indexed));
  return kExitOk;
}

int RunImport(store::VenueStore& store, const VenueOptions& options) {
  ingest::VenueImportOptions import_options;
  if (!options.edition.empty()) {
    if (auto tag = ParseEditionTag(options.edition); !tag) return ReportError(tag.error());
    import_options.file.edition = options.edition;
  }
  ConsoleProgress progress(isatty(fileno(stderr)) != 0);
  auto summary = ingest::ImportVenueFiles(store, options.files, progress, import_options);
  progress.Finish();
  if (!summary) return ReportError(summary.error());
  std::fputs(ingest::RenderVenueImportSummary(*summary, progress.Elapsed()).c_str(), stderr);
  return IndexVenuePapers(store, options.data_dir);
}

int RunFetch(const VenueOptions& options) {
  auto instance = LoadAndOpenInstance(options.data_dir, options.config_file, options.store);
  if (!instance) return ReportError(instance.error());
  harvest::VenueHarvester& harvester = *(*instance)->venue_harvester;
  if (options.fetch_now) {
    auto imported = harvester.Harvest(options.edition);
    if (!imported) return ReportError(imported.error());
    std::fprintf(stderr, "%s: %lld papers read (%lld new, %lld updated), %lld skipped\n",
                 options.edition.c_str(), static_cast<long long>(imported->counts.records),
                 static_cast<long long>(imported->written.papers_new),
                 static_cast<long long>(imported->written.papers_updated),
                 static_cast<long long>(imported->counts.skipped_lines));
    return kExitOk;
  }
  auto job = harvester.Request(options.edition, WallMilliseconds(RealClock()));
  if (!job) return ReportError(job.error());
  std::fprintf(stderr,
               "queued %s (job %lld); `coolpapers serve` runs it, `coolpapers jobs` shows "
               "it\n",
               job->key.c_str(), static_cast<long long>(job->id));
  return kExitOk;
}

}  // namespace

int RunVenueCommand(const VenueOptions& options) {
  if (options.fetch) return RunFetch(options);
  if (!options.list && options.files.empty()) {
    std::fprintf(stderr,
                 "coolpapers: venue import needs at least one FILE: coolpapers venue import "
                 "[--data DIR] [--edition NAME.YEAR] FILE...\n");
    return kExitUsage;
  }
  auto location = ResolveStoreLocation(options.data_dir, options.store);
  if (!location) return ReportError(location.error());
  const StoreAccess access = options.list ? StoreAccess::kExisting : StoreAccess::kCreate;
  if (auto ready = PrepareStore(options.data_dir, *location, access); !ready) {
    return ReportError(ready.error());
  }
  auto store = store::OpenVenueStoreAt(*location);
  if (!store) return ReportError(store.error());
  return options.list ? RunList(**store) : RunImport(**store, options);
}

}  // namespace coolpapers::cli
