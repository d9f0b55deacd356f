// An import's progress on stderr, shared by `coolpapers import` and `coolpapers venue import`: a
// bar redrawn in place on a terminal, a plain line every few seconds otherwise (cron, CI
// logs), and the first malformed records as FILE:LINE: reason.
#ifndef COOLPAPERS_CLI_CONSOLE_PROGRESS_H_
#define COOLPAPERS_CLI_CONSOLE_PROGRESS_H_

#include <chrono>
#include <cstddef>

#include "ingest/bulk_importer.h"
#include "ingest/import_report.h"

namespace coolpapers::cli {

// Not thread-safe: the importers call their observer on one thread.
class ConsoleProgress : public ingest::ImportObserver {
 public:
  using Clock = std::chrono::steady_clock;

  // `terminal`: stderr is a terminal (isatty). A terminal gets its bar at once; a log gets its
  // first line after one interval.
  explicit ConsoleProgress(bool terminal);

  void OnProgress(const ingest::ImportCounts& counts) override;
  void OnMalformedLine(const ingest::MalformedLine& line) override;

  // Ends the bar's line and says how many malformed lines were not shown.
  void Finish();

  ingest::Seconds Elapsed() const { return Clock::now() - started_; }

 private:
  void Draw();
  void ClearBar();

  const bool terminal_;
  const Clock::time_point started_;
  Clock::time_point last_drawn_;
  ingest::ImportCounts last_;
  size_t malformed_ = 0;
};

}  // namespace coolpapers::cli

#endif  // COOLPAPERS_CLI_CONSOLE_PROGRESS_H_
