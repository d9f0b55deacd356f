// Reads OAI-PMH answers of arXiv (export.arxiv.org/oai2, oaipmh.arxiv.org) for
// metadataPrefix=arXivRaw: ListRecords and GetRecord pages, their resumptionToken, and OAI
// errors.
#ifndef COOLPAPERS_INGEST_OAI_PMH_PARSER_H_
#define COOLPAPERS_INGEST_OAI_PMH_PARSER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/paper.h"

namespace coolpapers::ingest {

struct ResumptionToken {
  std::string token;  // "1403493|1001"; pass it back as resumptionToken=...
  std::optional<int64_t> cursor;
  std::optional<int64_t> complete_list_size;
};

struct OaiPage {
  // Every arXivRaw record, in order: id, version (the highest), every version's submission
  // date, title, authors, abstract, categories, comments, journal_ref, doi, license.
  std::vector<Paper> papers;
  std::vector<std::string> deleted_ids;  // records whose header says status="deleted"
  // The next page's token; std::nullopt on the last page (absent or empty token).
  std::optional<ResumptionToken> resumption;
};

// Parses one OAI-PMH answer; `source` names it in errors. <error code="noRecordsMatch"> is an
// empty last page, not an error. Other OAI errors: idDoesNotExist is kNotFound, the rest
// (badArgument, badResumptionToken, cannotDisseminateFormat, ...) kInvalidArgument, each with
// the code and arXiv's message. kCorrupt for malformed XML (naming the byte offset), a root that
// is not <OAI-PMH>, or a record without a valid id, a known category or a readable version
// date. Pure; thread-safe.
[[nodiscard]] Result<OaiPage> ParseOaiPmhPage(std::string_view xml, std::string_view source);

}  // namespace coolpapers::ingest

#endif  // COOLPAPERS_INGEST_OAI_PMH_PARSER_H_
