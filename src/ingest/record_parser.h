// One line of a JSON Lines metadata file, in either shape we import, told apart line by line:
// a "listing_date" field marks a daily-listing record (listing_record_parser.h), a "versions"
// field a Kaggle snapshot record (kaggle_record_parser.h). Files may mix the two.
#ifndef COOLPAPERS_INGEST_RECORD_PARSER_H_
#define COOLPAPERS_INGEST_RECORD_PARSER_H_

#include <cstdint>
#include <string_view>

#include "core/error.h"
#include "core/paper.h"

namespace coolpapers::ingest {

// Parses one line into a paper and its listings, `position` being its line number. Returns
// kInvalidArgument for a line that is not a JSON object (with the JSON parser's message), has
// neither shape, or fails its shape's parser. Pure; safe from any thread.
[[nodiscard]] Result<PaperRecord> ParseRecordLine(std::string_view line, int64_t position);

}  // namespace coolpapers::ingest

#endif  // COOLPAPERS_INGEST_RECORD_PARSER_H_
