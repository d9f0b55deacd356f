#include "cli/import_command.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <string>

#include "cli/data_dir.h"
#include "cli/print_error.h"
#include "ingest/bulk_importer.h"
#include "ingest/import_report.h"
#include "store/store_location.h"

namespace coolpapers::cli {
namespace {

using Clock = std::chrono::steady_clock;

constexpr int kExitOk = 0;
constexpr int kExitFailed = 1;  // a file could not be read, or the store failed
constexpr int kExitUsage = 2;
constexpr size_t kMaxMalformedShown = 20;
constexpr auto kTerminalRedraw = std::chrono::milliseconds(100);
constexpr auto kLogInterval = std::chrono::seconds(2);

int ReportError(const Error& error) {
  PrintError(error);
  return kExitFailed;
}

// Shows an import's progress on stderr: a bar redrawn in place on a terminal, a plain line
// every few seconds otherwise (cron, CI logs), and the first malformed lines as FILE:LINE.
class ConsoleProgress : public ingest::ImportObserver {
 public:
  // A terminal gets its bar at once; a log gets its first line after one interval.
  explicit ConsoleProgress(bool terminal)
      : terminal_(terminal),
        started_(Clock::now()),
        last_drawn_(terminal ? Clock::time_point{} : started_) {}

  void OnProgress(const ingest::ImportCounts& counts) override {
    last_ = counts;
    const Clock::time_point now = Clock::now();
    if (now - last_drawn_ < (terminal_ ? Clock::duration(kTerminalRedraw) : kLogInterval)) return;
    last_drawn_ = now;
    Draw();
  }

  void OnMalformedLine(const ingest::MalformedLine& line) override {
    if (++malformed_ > kMaxMalformedShown) return;
    ClearBar();
    std::fprintf(stderr, "%s:%lld: %s\n", line.file.c_str(), static_cast<long long>(line.line),
                 line.message.c_str());
    if (terminal_) Draw();
  }

  // Ends the bar's line and says how many malformed lines were not shown.
  void Finish() {
    if (terminal_) {
      Draw();
      std::fputc('\n', stderr);
    }
    if (malformed_ > kMaxMalformedShown) {
      std::fprintf(stderr, "coolpapers: %zu more malformed lines not shown\n",
                   malformed_ - kMaxMalformedShown);
    }
  }

  ingest::Seconds Elapsed() const { return Clock::now() - started_; }

 private:
  void Draw() {
    if (terminal_) {
      // "\033[K" clears what a longer previous bar left at the end of the line.
      std::fprintf(stderr, "\r%s\033[K", ingest::RenderProgressBar(last_, Elapsed()).c_str());
    } else {
      std::fprintf(stderr, "%s\n", ingest::RenderProgressLine(last_, Elapsed()).c_str());
    }
    std::fflush(stderr);
  }

  void ClearBar() {
    if (terminal_) std::fputs("\r\033[K", stderr);
  }

  const bool terminal_;
  const Clock::time_point started_;
  Clock::time_point last_drawn_;
  ingest::ImportCounts last_;
  size_t malformed_ = 0;
};

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
  return kExitOk;
}

}  // namespace coolpapers::cli
