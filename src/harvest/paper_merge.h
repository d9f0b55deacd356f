// Combines what the feed, the store and the export API each know of a listed paper. The feed
// lacks comments, journal-ref, DOI and version dates; the API lacks the license and lags the
// announcement; the store may already hold any of them. Since Store::WriteRecords replaces
// every field of a paper whose version is not older, the record written must already carry
// everything known, or a harvest would wipe fields an earlier source filled.
#ifndef COOLPAPERS_HARVEST_PAPER_MERGE_H_
#define COOLPAPERS_HARVEST_PAPER_MERGE_H_

#include "core/paper.h"

namespace coolpapers::harvest {

// Whether `paper` carries full metadata for `version` (or a later one): a source that knows
// version dates (the API, OAI-PMH, the Kaggle snapshot) described it. A feed entry never does.
bool DescribedAt(const Paper& paper, int version);

// The paper to write for a feed entry `feed`: the API's description when it has the feed's
// version or a later one, otherwise the feed's; empty fields filled from the feed, then from
// `stored`; the feed's license kept (the API has none). `stored` and `api` may be null. Pure.
Paper MergeListedPaper(const Paper& feed, const Paper* stored, const Paper* api);

}  // namespace coolpapers::harvest

#endif  // COOLPAPERS_HARVEST_PAPER_MERGE_H_
