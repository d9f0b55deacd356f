// Reads the export API's Atom answers (export.arxiv.org/api/query: id_list batches,
// search_query, paging), in the current format and the 2016 one, into Papers.
#ifndef COOLPAPERS_INGEST_ARXIV_ATOM_PARSER_H_
#define COOLPAPERS_INGEST_ARXIV_ATOM_PARSER_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/paper.h"

namespace coolpapers::ingest {

struct ApiFeed {
  int64_t total_results = 0;   // opensearch:totalResults: matches of the whole query
  int64_t start_index = 0;     // opensearch:startIndex: offset of papers[0]
  int64_t items_per_page = 0;  // opensearch:itemsPerPage: the page size asked for
  // In the feed's order. Each has id and version, title, authors, abstract, categories (primary
  // first), comments, journal_ref, doi and the version dates the feed implies: v1 from
  // <published>, the latest version from <updated>. No license: the API does not give it.
  std::vector<Paper> papers;
};

// Parses one API answer; `source` (URL or file name) is named in errors. An id the API does not
// know is simply absent, so an empty feed is valid. Errors: kInvalidArgument with arXiv's own
// message for the error entry it sends with HTTP 400 (`<id>https://arxiv.org/api/errors#…`,
// summary "incorrect id format for abc"); kCorrupt for malformed XML (naming the byte offset),
// a non-feed document, or an entry without a valid id or a known category. Pure; thread-safe.
[[nodiscard]] Result<ApiFeed> ParseApiFeed(std::string_view xml, std::string_view source);

}  // namespace coolpapers::ingest

#endif  // COOLPAPERS_INGEST_ARXIV_ATOM_PARSER_H_
