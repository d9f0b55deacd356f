// Paper Copilot lists (github.com/papercopilot/paperlists): a JSON array with one object per
// paper, in every shape the lists come in: OpenReview-derived (a forum link in "site"),
// PMLR-derived (a proceedings.mlr.press "site"), ACL-derived (an Anthology "id"), CVF-derived
// (a thecvf.com html page in "oa" or "site") and NeurIPS-derived (a papers.nips.cc "oa").
// See docs/venues.md for how each field is read.
#ifndef COOLPAPERS_INGEST_VENUE_PAPER_COPILOT_READER_H_
#define COOLPAPERS_INGEST_VENUE_PAPER_COPILOT_READER_H_

#include <filesystem>
#include <string_view>

#include "core/error.h"
#include "core/venue.h"
#include "ingest/venue/venue_record_sink.h"

namespace coolpapers::ingest {

// Reads one record, `json` an object of the list, as a paper of `edition` ("CoRL.2025").
// The id comes from the links as above; "status" becomes the group (and the presentation
// when it names one: Oral, Spotlight, Poster), "author" is split at ";" ("author_site" at ","
// when "author" is empty), "keywords" at ";". Returns kInvalidArgument when the text is not a
// JSON object, has no title, or no link tells its source. Pure; thread-safe.
[[nodiscard]] Result<VenuePaper> ParsePaperCopilotRecord(std::string_view json,
                                                         const VenueEdition& edition);

// The edition a list's file name gives: "corl2025-openreview.json" and "corl2025.json" are
// CoRL.2025, "nips2018-neurips.json" NeurIPS.2018. kInvalidArgument when the name does not
// start with letters then a four-digit year.
[[nodiscard]] Result<VenueEdition> EditionOfPaperCopilotFile(const std::filesystem::path& path);

// Streams the list at `path` to `sink`: the edition (options.edition or the file name), then
// each paper; a record that cannot be read is reported with its line and skipped. Errors: the
// file's (kNotFound, kUnavailable), no edition (kInvalidArgument), or the sink's.
[[nodiscard]] Result<void> ReadPaperCopilotFile(const std::filesystem::path& path,
                                                const VenueFileOptions& options,
                                                VenueRecordSink& sink);

}  // namespace coolpapers::ingest

#endif  // COOLPAPERS_INGEST_VENUE_PAPER_COPILOT_READER_H_
