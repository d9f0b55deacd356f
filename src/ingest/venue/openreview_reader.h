// OpenReview API answers: notes of API v2 (every content field wrapped as {"value": ...}) and
// of API v1 (bare content values), as a file holds them: the answer itself ({"notes": [...],
// "count": N}), a recorded exchange ({"request": {...}, "response": {"json": {...}}}), or a
// bare array of notes.
#ifndef COOLPAPERS_INGEST_VENUE_OPENREVIEW_READER_H_
#define COOLPAPERS_INGEST_VENUE_OPENREVIEW_READER_H_

#include <filesystem>
#include <string>
#include <string_view>

#include "core/error.h"
#include "core/venue.h"
#include "ingest/venue/venue_record_sink.h"

namespace coolpapers::ingest {

// What a venue id such as "ICLR.cc/2024/Conference/Rejected_Submission" says.
struct OpenReviewVenueId {
  VenueEdition edition;  // ICLR.2024
  std::string track;     // "main" for .../Conference; "Datasets and Benchmarks" for
                         // .../Track/Datasets_and_Benchmarks
  std::string status;    // from the last part: Rejected_Submission -> "Reject",
                         // Withdrawn_Submission -> "Withdraw", Desk_Rejected_Submission ->
                         // "Desk Reject", Submission -> "Active", anything else "Accept"
};

// The venue is the part before the year ("ICLR.cc/2024/...", "colmweb.org/COLM/2024/...").
// kInvalidArgument unless some part after the first is a year.
[[nodiscard]] Result<OpenReviewVenueId> ParseOpenReviewVenueId(std::string_view venueid);

// Reads one note (a JSON object) of either API version. The id is "<forum>@OpenReview"; the
// edition, track and status come from content.venueid (or, without it, the invitation before
// "/-/"); the presentation from content.venue ("ICLR 2024 spotlight" -> Spotlight); the group is
// the presentation, else the status. Returns kInvalidArgument for a note without id, title or
// venue id. Pure; thread-safe.
[[nodiscard]] Result<VenuePaper> ParseOpenReviewNote(std::string_view json);

// Streams the notes at `path` to `sink`, each edition announced before its first paper. When
// the file records a listing request for the accepted papers of a venue
// ("content.venueid=ICLR.cc/2024/Conference") with the answer's "count", that count becomes the
// edition's official count. A note that cannot be read is reported with its line and skipped.
// Errors: the file's (kNotFound, kUnavailable) or the sink's.
[[nodiscard]] Result<void> ReadOpenReviewFile(const std::filesystem::path& path,
                                              VenueRecordSink& sink);

}  // namespace coolpapers::ingest

#endif  // COOLPAPERS_INGEST_VENUE_OPENREVIEW_READER_H_
