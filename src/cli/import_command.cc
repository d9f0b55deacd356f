#include "cli/import_command.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <string>

#include "cli/console_progress.h"
#include "cli/data_dir.h"
#include "cli/print_error.h"
#include "ingest/bulk_importer.h"
#include "ingest/import_report.h"
#include "store/store_location.h"

namespace coolpapers::cli {
namespace {

constexpr int kExitOk = 0;
constexpr int kExitFailed = 1;  // a file could not be read, no line of it could, or the store failed
constexpr int kExitUsage = 2;

int ReportError(const Error& error) {
  PrintError(error);
  return kExitFailed;
}

}  // namespace

int RunImportCommand(const ImportOptions& options) {
  if (options.files.empty()) {
    std::fprintf(stderr, "coolpapers: import needs at least one FILE: coolpapers import [--data DIR] FILE...\n");
    return kExitUsage;
  }
  if (auto made = EnsureDataDir(options.data_dir); !made) return ReportError(made.error());
  auto location = ResolveStoreLocation(options.data_dir, options.store);
  if (!location) return ReportError(location.error());
  auto store = store::OpenStoreAt(*location);
  if (!store) return ReportError(store.error());

  ConsoleProgress progress(isatty(fileno(stderr)) != 0);
  auto counts = ingest::ImportFiles(**store, options.files, progress);
  progress.Finish();
  if (!counts) return ReportError(counts.error());
  std::fputs(ingest::RenderImportSummary(*counts, progress.Elapsed()).c_str(), stderr);
  if (counts->records == 0 && counts->skipped_lines > 0) {
    std::fputs("coolpapers: no line could be read, nothing was imported: expected JSON Lines "
               "of papers (Kaggle's arXiv metadata or the daily-listing shape)\n",
               stderr);
    return kExitFailed;
  }
  return kExitOk;
}

}  // namespace coolpapers::cli
