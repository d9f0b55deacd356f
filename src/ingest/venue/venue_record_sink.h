// What every venue file reader hands its records to: the importer (venue_importer.h) writes
// them to the store in batches, tests collect them. Readers call OnEdition before the papers of
// that edition, and report each record they cannot read with its line, then go on.
#ifndef COOLPAPERS_INGEST_VENUE_VENUE_RECORD_SINK_H_
#define COOLPAPERS_INGEST_VENUE_VENUE_RECORD_SINK_H_

#include <cstdint>
#include <optional>
#include <string>

#include "core/error.h"
#include "core/venue.h"

namespace coolpapers::ingest {

class VenueRecordSink {
 public:
  virtual ~VenueRecordSink() = default;
  // An edition the following papers belong to (paper.edition == edition.Tag()). An error
  // stops the reader, which returns it.
  [[nodiscard]] virtual Result<void> OnEdition(const VenueEdition& edition) = 0;
  // One paper; `bytes_done` is how far into the file its record ends (for progress). An error
  // stops the reader, which returns it.
  [[nodiscard]] virtual Result<void> OnPaper(VenuePaper paper, int64_t bytes_done) = 0;
  // A record skipped: `line` is 1-based, `message` says why ("FILE:LINE: message").
  virtual void OnMalformed(int64_t line, std::string message) = 0;
};

// What a reader cannot always tell from the file itself.
struct VenueFileOptions {
  // "ICLR.2024": the edition of a Paper Copilot list whose file name does not say it
  // (they are named like "iclr2024.json"); overrides the name.
  std::optional<std::string> edition;
};

}  // namespace coolpapers::ingest

#endif  // COOLPAPERS_INGEST_VENUE_VENUE_RECORD_SINK_H_
