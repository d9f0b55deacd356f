// The site's "fetch this paper from arXiv" (jobs::PaperFetcher) on top of the harvester's paper
// jobs: asks for the fetch, reads where its job stands, and wakes the arXiv workers.
#ifndef COOLPAPERS_HARVEST_ON_DEMAND_PAPER_FETCHER_H_
#define COOLPAPERS_HARVEST_ON_DEMAND_PAPER_FETCHER_H_

#include <chrono>

#include "harvest/harvester.h"
#include "jobs/worker_pool.h"
#include "store/job_queue.h"
#include "jobs/queued_fetch.h"

namespace coolpapers::harvest {

// A fetch that failed (arXiv unreachable after every attempt) is tried again when a reader asks
// after this long, so one bad hour does not make a paper unreachable for good.
inline constexpr std::chrono::minutes kRetryFailedFetchAfter{10};
// An id arXiv did not know is asked about again after this long: ids are assigned ahead of the
// papers that will carry them, and a link may be followed before its paper is announced.
inline constexpr std::chrono::hours kRetryNotFoundAfter{24};

// Within `limits` for strangers (jobs/queued_fetch.h). Everything must outlive the returned
// function.
jobs::PaperFetcher MakeOnDemandPaperFetcher(Harvester& harvester, store::JobQueue& queue,
                                   jobs::WorkerPool& arxiv_workers, jobs::FetchLimits limits = {});

}  // namespace coolpapers::harvest

#endif  // COOLPAPERS_HARVEST_ON_DEMAND_PAPER_FETCHER_H_
