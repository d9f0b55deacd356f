// Reads how the harvest stands (core/harvest_progress.h) from the store: each configured
// category's feed job in the queue and its newest harvested day. Shared by every node on one
// store, since it reads only the store.
#ifndef COOLPAPERS_HARVEST_HARVEST_PROGRESS_READER_H_
#define COOLPAPERS_HARVEST_HARVEST_PROGRESS_READER_H_

#include <optional>
#include <string>
#include <string_view>

#include "core/error.h"
#include "core/harvest_progress.h"
#include "harvest/harvest_options.h"
#include "store/harvest_state.h"
#include "store/job_queue.h"

namespace coolpapers::harvest {

// A feed job's failure in a reader's words, from the message the harvest wrote (the network's,
// the polite client's, or FetchDocument's): "this server cannot reach arXiv (is it offline?)",
// "arXiv did not answer in time", "arXiv is busy or down at the moment", or "arXiv's answer
// could not be read". Pure.
std::string ReaderReason(std::string_view job_error);

// The progress of options.categories. A failed-for-good check is tried again at the
// scheduler's next pass, `next_pass` (nullopt: unknown, no retry time is given for it); a
// check waiting out a backoff, at its not_before. Errors: the store's.
[[nodiscard]] Result<HarvestProgress> ReadHarvestProgress(
    store::JobQueue& queue, store::HarvestState& state, const HarvestOptions& options,
    std::optional<store::JobTime> next_pass);

}  // namespace coolpapers::harvest

#endif  // COOLPAPERS_HARVEST_HARVEST_PROGRESS_READER_H_
