// What `coolpapers import` tells its user, as pure functions of the counts and the elapsed
// time, so the wording is tested without a terminal: the progress bar, the plain progress line
// for logs, and the closing summary.
#ifndef COOLPAPERS_INGEST_IMPORT_REPORT_H_
#define COOLPAPERS_INGEST_IMPORT_REPORT_H_

#include <chrono>
#include <string>

#include "ingest/bulk_importer.h"

namespace coolpapers::ingest {

using Seconds = std::chrono::duration<double>;

// One terminal line, redrawn in place; the ETA comes from the bytes still to read:
// "[##########..........]  50%  20,458 records  20,458 rec/s  ETA 0:01".
std::string RenderProgressBar(const ImportCounts& counts, Seconds elapsed);

// A line for logs, printed every few seconds when stderr is not a terminal:
// "coolpapers: 50% of 72.3 MB, 20,458 records, 20,458 records/s, ETA 1 s".
std::string RenderProgressLine(const ImportCounts& counts, Seconds elapsed);

// The first line of a closing summary, ending in "\n":
// "coolpapers: imported 11 files (72.3 MB) in 2.0 s: 40,917 records, 20,458 records/s\n".
std::string RenderImportTotals(const ImportCounts& counts, Seconds elapsed);

// The closing summary, one or more lines each ending in "\n":
// "coolpapers: imported 11 files (72.3 MB) in 2.0 s: 40,917 records, 20,458 records/s\n"
// "coolpapers: papers: 40,917 new, 0 updated, 0 unchanged (the same, or newer in the store);
//  98,123 listings written\n" (a second import of the same file: all unchanged)
// "coolpapers: skipped 2 malformed lines\n" (only when some were).
std::string RenderImportSummary(const ImportCounts& counts, Seconds elapsed);

// 40917 -> "40,917".
std::string FormatCount(int64_t count);

}  // namespace coolpapers::ingest

#endif  // COOLPAPERS_INGEST_IMPORT_REPORT_H_
