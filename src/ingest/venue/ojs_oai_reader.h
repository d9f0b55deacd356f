// AAAI's proceedings as its Open Journal Systems site serves them over OAI-PMH: ListRecords
// pages in the `oai_dc` (Dublin Core) format, https://ojs.aaai.org/index.php/AAAI/oai. Each
// record is one article: oai:ojs.aaai.org:article/<n> gives the id <n>@AAAI; the edition comes
// from the volume in dc:source ("Proceedings of the AAAI Conference on Artificial
// Intelligence; Vol. 38 No. 1: AAAI-24 Technical Tracks 1; 1-9": volume 38 is AAAI.2024).
#ifndef COOLPAPERS_INGEST_VENUE_OJS_OAI_READER_H_
#define COOLPAPERS_INGEST_VENUE_OJS_OAI_READER_H_

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.h"
#include "ingest/venue/venue_record_sink.h"

namespace coolpapers::ingest {

// The year of the AAAI proceedings volume `volume` (volume 33 appeared in 2019, one a year).
int AaaiYearOfVolume(int volume);

// The resumption token of a ListRecords page (its <resumptionToken> text), or nullopt on the
// last page. kCorrupt when the page is not OAI-PMH XML; kUnavailable for an OAI-PMH <error>
// other than noRecordsMatch, quoting its code and text.
[[nodiscard]] Result<std::optional<std::string>> OaiResumptionToken(std::string_view page);

// Streams the records of the ListRecords page at `path` to `sink`: each paper of the
// proceedings (a dc:source naming the AAAI Conference and a volume) with title, authors
// ("Last, First" written first name first), abstract, keywords (dc:subject), landing page and
// PDF (dc:relation), DOI, pages, and its section as the track (the setSpec after "AAAI:").
// Deleted records and records of other editions than `options.edition` (when given) are
// passed over; a record without an article number, title or volume is reported with its line.
// Errors: the file's (kNotFound, kUnavailable), kCorrupt for XML that does not parse, or the
// sink's.
[[nodiscard]] Result<void> ReadOjsOaiFile(const std::filesystem::path& path,
                                          const VenueFileOptions& options, VenueRecordSink& sink);

}  // namespace coolpapers::ingest

#endif  // COOLPAPERS_INGEST_VENUE_OJS_OAI_READER_H_
