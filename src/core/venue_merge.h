// The rule that makes one paper of two sources' records (CoRL 2025 in the PMLR bib and on
// OpenReview), so that every venue store merges the same way and the result does not depend on
// the order the sources were imported in.
#ifndef COOLPAPERS_CORE_VENUE_MERGE_H_
#define COOLPAPERS_CORE_VENUE_MERGE_H_

#include "core/venue.h"

namespace coolpapers {

// Merges `incoming` (from a source of rank `incoming_rank`, VenueSourceRank) into `stored`
// (whose fields came from sources of best rank `stored_rank`). Each text or list field: the
// better-ranked side's value when non-empty, else the other's. The id is the better-ranked
// one and every other id seen lands in other_ids, once. Position: the better-ranked side's (the
// order of two sources' lists does not compare). arXiv id: one
// the source gave (kSource) wins over a title match; a title match whose title changed is
// dropped, to be matched again. Pure; thread-safe.
VenuePaper MergeVenuePapers(const VenuePaper& stored, int stored_rank, const VenuePaper& incoming,
                            int incoming_rank);

}  // namespace coolpapers

#endif  // COOLPAPERS_CORE_VENUE_MERGE_H_
