#include "ingest/record_parser.h"

#include <nlohmann/json.hpp>

#include "ingest/kaggle_record_parser.h"
#include "ingest/listing_record_parser.h"

namespace coolpapers::ingest {

Result<PaperRecord> ParseRecordLine(std::string_view line, int64_t position) {
  nlohmann::json record;
  try {
    record = nlohmann::json::parse(line);
  } catch (const nlohmann::json::exception& error) {
    // A syntax error, or a number too large for a double (out_of_range.406, which ended the
    // import: jsonl_record_fuzz found it). nlohmann's message says where and why; only its
    // "[json.exception...] " tag is noise:
    // "[json.exception.parse_error.101] parse error at line 1, column 17: syntax error ...".
    std::string_view message = error.what();
    if (const size_t tag_end = message.find("] "); tag_end != std::string_view::npos) {
      message.remove_prefix(tag_end + 2);
    }
    return Fail(ErrorCode::kInvalidArgument, "invalid JSON: " + std::string(message));
  }
  if (!record.is_object()) {
    return Fail(ErrorCode::kInvalidArgument,
                std::string("the line holds a JSON ") + record.type_name() + ": expected an object");
  }
  if (record.contains("listing_date")) return ParseListingRecord(record, position);
  if (record.contains("versions")) return ParseKaggleRecord(record, position);
  return Fail(ErrorCode::kInvalidArgument,
              "unknown record shape: expected a \"listing_date\" field (daily listing) or a "
              "\"versions\" field (Kaggle snapshot)");
}

}  // namespace coolpapers::ingest
