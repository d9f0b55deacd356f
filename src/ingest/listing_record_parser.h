// One record of a daily arXiv listing crawl (the daily-arxiv-cs-2025 files):
//   {"id":"2503.19786", "authors":["Gemma Team", ...], "title":"Gemma 3 Technical Report",
//    "categories":["cs.CL","cs.AI"], "comment":null, "summary":"...",
//    "listing_date":"2025-03-26"}
// (the "pdf" and "abs" URLs are ignored: they follow from the id).
#ifndef COOLPAPERS_INGEST_LISTING_RECORD_PARSER_H_
#define COOLPAPERS_INGEST_LISTING_RECORD_PARSER_H_

#include <cstdint>
#include <nlohmann/json_fwd.hpp>

#include "core/error.h"
#include "core/paper.h"

namespace coolpapers::ingest {

// Turns a parsed daily-listing record into a paper listed on its listing_date: new in its
// primary (first) category and cross in the others, at `position` (the line number). Title
// and summary are cleaned, author names normalised, categories made canonical (unknown ones
// dropped). The version is unknown (0) unless the id carries one ("2503.19786v2"), and there
// are no version dates. Returns kInvalidArgument naming the field for a missing or malformed
// field, a bad id or date, or categories with no arXiv category. Pure.
[[nodiscard]] Result<PaperRecord> ParseListingRecord(const nlohmann::json& record,
                                                     int64_t position);

}  // namespace coolpapers::ingest

#endif  // COOLPAPERS_INGEST_LISTING_RECORD_PARSER_H_
