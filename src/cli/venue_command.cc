#include "cli/venue_command.h"

#include <unistd.h>

#include <cstdio>

#include "cli/console_progress.h"
#include "cli/data_dir.h"
#include "cli/print_error.h"
#include "ingest/venue/venue_importer.h"
#include "ingest/venue/venue_report.h"
#include "store/sqlite_venue_store.h"

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
  return kExitOk;
}

}  // namespace

int RunVenueCommand(const VenueOptions& options) {
  if (!options.list && options.files.empty()) {
    std::fprintf(stderr,
                 "coolpapers: venue import needs at least one FILE: coolpapers venue import "
                 "[--data DIR] [--edition NAME.YEAR] FILE...\n");
    return kExitUsage;
  }
  const StoreAccess access = options.list ? StoreAccess::kExisting : StoreAccess::kCreate;
  if (auto ready = PrepareStore(options.data_dir, store::SqliteLocation(StorePath(options.data_dir)),
                                access);
      !ready) {
    return ReportError(ready.error());
  }
  auto store = store::OpenSqliteVenueStore(StorePath(options.data_dir));
  if (!store) return ReportError(store.error());
  return options.list ? RunList(**store) : RunImport(**store, options);
}

}  // namespace coolpapers::cli
