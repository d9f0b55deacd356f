// What `coolpapers venue import` and `coolpapers venue list` print, as pure functions of what
// the importer and the store return, so the wording is tested without a terminal.
#ifndef COOLPAPERS_INGEST_VENUE_VENUE_REPORT_H_
#define COOLPAPERS_INGEST_VENUE_VENUE_REPORT_H_

#include <string>
#include <vector>

#include "ingest/import_report.h"
#include "ingest/venue/venue_importer.h"
#include "store/venue_store.h"

namespace coolpapers::ingest {

// The closing summary of an import, lines ending in "\n":
// "coolpapers: imported 2 files (0.7 MB) in 0.1 s: 526 records, 5,260 records/s\n"
// "coolpapers: venue papers: 263 new, 263 merged into stored ones; 2 edition records; 0 linked
//  to arXiv by title\n"
// "coolpapers: skipped 1 malformed record\n" (only when some were).
std::string RenderVenueImportSummary(const VenueImportSummary& summary, Seconds elapsed);

// How much of an edition or group the store holds: "263 papers", or with an official count
// "3 of 2,260 accepted papers (OpenReview API, content.venueid=ICLR.cc/2024/Conference)".
std::string RenderCoverage(const store::VenueEditionSummary& edition);

// `coolpapers venue list`: one line per edition with its coverage and sources, then its
// groups, e.g.
//   CoRL.2025  263 papers  [PMLR v305, Paper Copilot]
//     Oral 42, Poster 221
// "No venue editions stored.\n" when there are none.
std::string RenderVenueList(const std::vector<store::VenueEditionSummary>& editions,
                            const std::vector<std::vector<store::VenueGroupCount>>& groups);

}  // namespace coolpapers::ingest

#endif  // COOLPAPERS_INGEST_VENUE_VENUE_REPORT_H_
