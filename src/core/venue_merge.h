// The rule that makes one paper of two sources' records (CoRL 2025 in the PMLR bib and on
// OpenReview), so that every venue store merges the same way and the result does not depend on
// the order the sources were imported in.
#ifndef COOLPAPERS_CORE_VENUE_MERGE_H_
#define COOLPAPERS_CORE_VENUE_MERGE_H_

#include "core/venue.h"

namespace coolpapers {

// How much a record's fields are trusted, smaller first: by the source of its id
// (VenueSourceRank), and within one source the publisher's own record before a secondhand
// copy. So NAACL 2024 from the Anthology's XML and from Paper Copilot reads as the XML says,
// whichever came first.
int VenueRecordRank(const VenuePaper& paper);

// Merges `incoming` (of rank `incoming_rank`, VenueRecordRank) into `stored` (whose fields came
// from records of best rank `stored_rank`). Each text or list field: the
// better-ranked side's value when non-empty, else the other's. The id is the better-ranked
// one and every other id seen lands in other_ids, once. Position: the better-ranked side's (the
// order of two sources' lists does not compare). arXiv id: one
// the source gave (kSource) wins over a title match; a title match whose title changed is
// dropped, to be matched again. Pure; thread-safe.
VenuePaper MergeVenuePapers(const VenuePaper& stored, int stored_rank, const VenuePaper& incoming,
                            int incoming_rank);

}  // namespace coolpapers

#endif  // COOLPAPERS_CORE_VENUE_MERGE_H_
