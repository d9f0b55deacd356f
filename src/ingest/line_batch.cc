#include "ingest/line_batch.h"

#include "ingest/record_parser.h"

namespace coolpapers::ingest {

ParsedBatch ParseLineBatch(const LineBatch& batch) {
  ParsedBatch parsed;
  parsed.bytes_done = batch.bytes_done;
  parsed.ends_file = batch.ends_file;
  parsed.records.reserve(batch.lines.size());
  const std::string_view text = batch.text;
  for (const LineBatch::Line& line : batch.lines) {
    auto record = ParseRecordLine(text.substr(line.offset, line.size), line.number);
    if (record) {
      parsed.records.push_back(std::move(*record));
    } else {
      parsed.malformed.push_back({batch.file, line.number, std::move(record.error().message)});
    }
  }
  return parsed;
}

}  // namespace coolpapers::ingest
