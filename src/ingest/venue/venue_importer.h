// Import of conference proceedings files into the venue store: the engine behind `coolpapers
// venue import`. Tells each file's format (DetectVenueFormat), streams its records through the
// format's reader, and writes papers in batches, one transaction each; a record that cannot
// be read is reported as FILE:LINE and skipped. Then links venue papers to stored arXiv papers
// by title.
//
// Re-running is safe at any point: papers are merged by id (VenueStore::WriteVenuePapers), so
// importing twice changes nothing, and an import killed halfway (even by kill -9: each batch
// is all or nothing) then run again ends with the same store as one uninterrupted run.
#ifndef COOLPAPERS_INGEST_VENUE_VENUE_IMPORTER_H_
#define COOLPAPERS_INGEST_VENUE_VENUE_IMPORTER_H_

#include <cstdint>
#include <filesystem>
#include <span>
#include <string_view>

#include "core/error.h"
#include "ingest/bulk_importer.h"
#include "ingest/venue/venue_record_sink.h"
#include "store/venue_store.h"

namespace coolpapers::ingest {

enum class VenueFormat {
  kPaperCopilot,  // paper_copilot_reader.h
  kAclAnthology,  // acl_anthology_reader.h
  kPmlrBib,       // pmlr_bib_reader.h
  kOpenReview,    // openreview_reader.h
  kOjsOai,        // ojs_oai_reader.h
};

std::string_view VenueFormatName(VenueFormat format);  // "Paper Copilot JSON", ...

// The format of `path`: ".xml" is an OAI-PMH page (AAAI's OJS) when it holds "<OAI-PMH" in its
// first 4 KB, else an ACL Anthology collection, ".bib" a PMLR volume, ".json"
// an OpenReview answer when it opens with an object or its array's first object has
// "content", else a Paper Copilot list. Errors: kNotFound (missing file), kUnavailable
// (unreadable), kInvalidArgument (another extension, or JSON that opens with neither "[" nor
// "{"), each naming the path.
[[nodiscard]] Result<VenueFormat> DetectVenueFormat(const std::filesystem::path& path);

// Runs the reader of `format` on `path`.
[[nodiscard]] Result<void> ReadVenueFile(const std::filesystem::path& path, VenueFormat format,
                                         const VenueFileOptions& options, VenueRecordSink& sink);

struct VenueImportOptions {
  VenueFileOptions file;
  size_t batch_size = 1000;  // papers per transaction
};

struct VenueImportSummary {
  ImportCounts counts;  // files, bytes, records (papers read), skipped_lines (malformed records)
  store::VenueWriteSummary written;
  int64_t editions = 0;     // edition records written (an edition met in two files counts twice)
  int64_t arxiv_links = 0;  // venue papers newly linked to arXiv papers by title
};

// Imports `files` in order into `store`. Every file's format (and a Paper Copilot list's
// edition) is told before anything is written, so a missing, unreadable or unknown file (named
// in the message) stops the import before it starts; a read error later, or a store error, stops it where it is, with every
// batch committed so far kept. Files are read on the calling thread and written on another
// (venue_store_writer.h), in order. The observer sees progress after each batch is handed to
// the writer and at the end, and each malformed record, on the calling thread. Blocks until
// done.
[[nodiscard]] Result<VenueImportSummary> ImportVenueFiles(
    store::VenueStore& store, std::span<const std::filesystem::path> files,
    ImportObserver& observer, const VenueImportOptions& options = {});

}  // namespace coolpapers::ingest

#endif  // COOLPAPERS_INGEST_VENUE_VENUE_IMPORTER_H_
