// Bulk import of JSON Lines metadata files into the store: the engine behind
// `coolpapers import`. Reads each file in constant memory, parses each line (either shape, see
// record_parser.h), and writes the records in batches, one transaction each. A malformed line
// is reported, counted and skipped; it never stops the import.
//
// Re-running is safe at any point: every row is an upsert keyed by the data (paper id; category,
// day and paper; positions are line numbers), so importing twice changes nothing, and an import
// killed halfway then run again ends with the same database as one uninterrupted run.
#ifndef COOLPAPERS_INGEST_BULK_IMPORTER_H_
#define COOLPAPERS_INGEST_BULK_IMPORTER_H_

#include <cstdint>
#include <filesystem>
#include <span>
#include <string>

#include "core/error.h"
#include "store/store.h"

namespace coolpapers::ingest {

// Where an import stands; the final value is its summary.
struct ImportCounts {
  int files_total = 0;
  int files_done = 0;
  int64_t bytes_total = 0;    // sizes of all files, taken before reading
  int64_t bytes_done = 0;     // read and written, including skipped lines
  int64_t records = 0;        // records parsed and written
  int64_t skipped_lines = 0;  // malformed lines
  store::WriteSummary written;  // what the store reported, summed over batches
};

// A line that was skipped, and why: reported as "FILE:LINE: message".
struct MalformedLine {
  std::filesystem::path file;
  int64_t line = 0;
  std::string message;
};

// Receives progress from ImportFiles, on the calling thread.
class ImportObserver {
 public:
  virtual ~ImportObserver() = default;
  // After each batch is committed and after each file.
  virtual void OnProgress(const ImportCounts& counts) = 0;
  // For each malformed line, as it is met.
  virtual void OnMalformedLine(const MalformedLine& line) = 0;
};

struct BulkImportOptions {
  size_t batch_size = 2000;  // lines per batch: parsed together, written in one transaction
  int parse_threads = 0;     // batches parsed at once while one is written; 0: one per core
};

// Imports `files` in order into `store`. Every file is opened before anything is written, so a
// missing one (kNotFound) or an unreadable one (kUnavailable), named in the message, stops the
// import before it starts; a read error later, or a store error, stops it where it is, with
// everything committed so far kept. Returns the final counts. Lines are parsed on worker
// threads, but batches are written, and the observer called, in file order on the calling
// thread. Blocks until done.
[[nodiscard]] Result<ImportCounts> ImportFiles(store::Store& store,
                                               std::span<const std::filesystem::path> files,
                                               ImportObserver& observer,
                                               const BulkImportOptions& options = {});

}  // namespace coolpapers::ingest

#endif  // COOLPAPERS_INGEST_BULK_IMPORTER_H_
