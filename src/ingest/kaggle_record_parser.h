// One record of the Kaggle/Cornell arXiv metadata snapshot (arxiv-metadata-oai-snapshot.json):
//   {"id":"0704.0001", "authors":"C. Bal\'azs, E. L. Berger, ...", "title":"...",
//    "comments":"37 pages", "journal-ref":..., "doi":..., "license":..., "abstract":"  ...",
//    "categories":"hep-ph", "versions":[{"version":"v1","created":"Mon, 2 Apr 2007 19:18:42 GMT"}]}
// (other fields, such as submitter, report-no, update_date and authors_parsed, are ignored).
#ifndef COOLPAPERS_INGEST_KAGGLE_RECORD_PARSER_H_
#define COOLPAPERS_INGEST_KAGGLE_RECORD_PARSER_H_

#include <cstdint>
#include <nlohmann/json_fwd.hpp>

#include "core/error.h"
#include "core/paper.h"

namespace coolpapers::ingest {

// Turns a parsed snapshot record into a paper and its listings. Title and abstract are
// cleaned (TeX accents decoded, wraps and indentation collapsed), authors split from their
// string, categories made canonical (unknown ones dropped), versions read with their dates and
// the paper's version set to the highest. Listings follow arXiv's calendar: v1's announcement
// day as new in the primary category and cross in the others, each later version's day as a
// replacement in every category; all at `position` (the line number, for a stable order).
// Returns kInvalidArgument naming the field for a missing or malformed field, a bad id,
// categories with no arXiv category, or versions that are absent or unreadable. Pure.
[[nodiscard]] Result<PaperRecord> ParseKaggleRecord(const nlohmann::json& record, int64_t position);

}  // namespace coolpapers::ingest

#endif  // COOLPAPERS_INGEST_KAGGLE_RECORD_PARSER_H_
