// Whole-file reads for the venue formats that are parsed as one document (an ACL Anthology
// collection, a PMLR bib: a few MB at most), and the line of a byte offset in them.
#ifndef COOLPAPERS_INGEST_VENUE_FILE_TEXT_H_
#define COOLPAPERS_INGEST_VENUE_FILE_TEXT_H_

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "core/error.h"

namespace coolpapers::ingest {

// The file's bytes. kNotFound for a missing file, kUnavailable for an unreadable one, each
// naming the path.
[[nodiscard]] Result<std::string> ReadFileText(const std::filesystem::path& path);

// Maps byte offsets of one text to 1-based line numbers.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);
  int64_t LineOf(int64_t offset) const;

 private:
  std::vector<int64_t> newlines_;  // offsets of every "\n", ascending
};

}  // namespace coolpapers::ingest

#endif  // COOLPAPERS_INGEST_VENUE_FILE_TEXT_H_
