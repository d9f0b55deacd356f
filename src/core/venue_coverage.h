// How much of an edition the store holds, against the official count of accepted papers when a
// source states one: the line an edition page, `coolpapers venue list`, `coolpapers doctor` and
// /api/status share, so that all four say the same thing.
#ifndef COOLPAPERS_CORE_VENUE_COVERAGE_H_
#define COOLPAPERS_CORE_VENUE_COVERAGE_H_

#include <cstdint>
#include <string>

#include "core/venue.h"

namespace coolpapers {

// "12,345": the count with a comma between thousands.
std::string FormatThousands(int64_t count);

// "263 papers", or with an official count "3 of 2,260 accepted papers (OpenReview API,
// content.venueid=ICLR.cc/2024/Conference)", and ", and 1 not accepted" when the store holds
// papers of other statuses. `papers`: stored papers of the edition; `accepted`: those accepted.
std::string RenderVenueCoverage(const VenueEdition& edition, int64_t papers, int64_t accepted);

// True when the edition has an official count and the stored accepted papers differ from it:
// the edition is incomplete (or holds papers the official list lacks).
bool VenueCoverageDiffers(const VenueEdition& edition, int64_t accepted);

}  // namespace coolpapers

#endif  // COOLPAPERS_CORE_VENUE_COVERAGE_H_
