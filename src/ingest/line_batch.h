// A run of lines from one file, the unit the bulk importer hands to a worker thread to parse
// while it writes the previous run: reading and writing stay in file order on one thread,
// parsing (most of an import's time) spreads over the cores.
#ifndef COOLPAPERS_INGEST_LINE_BATCH_H_
#define COOLPAPERS_INGEST_LINE_BATCH_H_

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/paper.h"
#include "ingest/bulk_importer.h"

namespace coolpapers::ingest {

struct LineBatch {
  struct Line {
    size_t offset;  // in text
    size_t size;
    int64_t number;  // 1-based, in the file
  };

  explicit LineBatch(std::filesystem::path file_path) : file(std::move(file_path)) {}

  // Copies a line in.
  void Add(std::string_view line, int64_t number) {
    lines.push_back({text.size(), line.size(), number});
    text.append(line);
  }

  std::filesystem::path file;
  std::string text;  // the lines back to back
  std::vector<Line> lines;
  int64_t bytes_done = 0;  // bytes of all files read through the batch's last line
  bool ends_file = false;  // the last batch of its file
};

// What parsing a batch gave: its records in line order, and the lines it could not read.
struct ParsedBatch {
  std::vector<PaperRecord> records;
  std::vector<MalformedLine> malformed;
  int64_t bytes_done = 0;
  bool ends_file = false;
};

// Parses every line of the batch (record_parser.h). Pure; safe to run on any thread.
ParsedBatch ParseLineBatch(const LineBatch& batch);

}  // namespace coolpapers::ingest

#endif  // COOLPAPERS_INGEST_LINE_BATCH_H_
