// The harvester: keeps the store current with arXiv. Its work runs as jobs of kind arxiv in
// the persistent queue (one worker pool, polite to arXiv's hosts):
//   "feed:<category>"  read the category's announcement feed; when it shows a day we have not
//                      completed, record the day's listing, fetch through the export API the
//                      metadata the feed lacks (comments, journal-ref, DOI, version dates), and
//                      reconcile our counts of new / cross / replace against the feed's.
//   "paper:<id>"       fetch one paper by id through the export API (the /arxiv/<id> page for
//                      a paper we do not have); a paper arXiv does not know ends done with
//                      the result "not found" (the page then says arXiv has no such paper).
// A day is recorded incomplete before anything of it is written, and complete only once the
// store's counts match the feed's and every paper has its metadata; an incomplete day is
// retried (HarvestOptions::incomplete_retry) and finished by later feed checks.
// Holidays and skipped days are never assumed from a calendar: a feed that still shows the day
// we have is simply "unchanged".
#ifndef COOLPAPERS_HARVEST_HARVESTER_H_
#define COOLPAPERS_HARVEST_HARVESTER_H_

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/arxiv_id.h"
#include "core/error.h"
#include "harvest/harvest_options.h"
#include "jobs/worker_pool.h"
#include "net/http_client.h"
#include "store/harvest_state.h"
#include "store/job_queue.h"
#include "store/store.h"

namespace coolpapers::harvest {

struct FeedDay;

// The queue keys of the harvester's jobs.
std::string FeedJobKey(const std::string& category);  // "feed:cs.AI"
std::string PaperJobKey(const ArxivId& id);           // "paper:2401.06769"
// The result of a paper job when arXiv has no such paper.
inline constexpr std::string_view kPaperNotFoundResult = "not found";

class Harvester {
 public:
  // Everything passed must outlive the harvester. `arxiv` should be the process's polite client.
  Harvester(store::Store& store, store::HarvestState& state, store::JobQueue& queue,
            net::HttpClient& arxiv, HarvestOptions options);

  // The handler of the arxiv worker pool: runs one job by its key. Network failures and
  // incomplete days are kRetry (with incomplete_retry as the delay for a day the API has not
  // caught up with); a malformed feed or API answer is kRetry too (arXiv serves truncated
  // documents at times) and writes nothing; a key it does not know is kFail. Thread-safe.
  jobs::JobOutcome RunJob(const store::Job& job, const jobs::JobContext& context);

  // Queues a feed check of every configured category at priority today (a finished check is
  // queued again). Returns how many were queued.
  [[nodiscard]] Result<int> EnqueueFeedChecks(store::JobTime now);

  // Queues a fetch of one paper (finished fetches are kept, so a paper arXiv does not have is
  // not asked for again and again). Returns the job, for its state and queue position.
  [[nodiscard]] Result<store::Job> RequestPaper(const ArxivId& id, store::JobPriority priority,
                                                store::JobTime now);

  const HarvestOptions& options() const { return options_; }

 private:
  jobs::JobOutcome RunFeedJob(const std::string& category, const jobs::JobContext& context);
  jobs::JobOutcome RunPaperJob(const std::string& id_text);
  // Records the feed's day: incomplete first, then the papers and listings in one write, then
  // the reconciled status, which it returns.
  Result<store::CategoryDayStatus> HarvestFeedDay(const FeedDay& day);
  // Looks again at a day recorded incomplete that the feed no longer shows.
  Result<store::CategoryDayStatus> FinishIncompleteDay(const store::CategoryDayStatus& day);
  // Fetches through the API what the store lacks of each record's paper (record.paper is the
  // version listed), merges, and writes in one call: every record with listings, and those
  // without only when the API told something new. Returns how many papers still await
  // metadata.
  // With `list`, the records' listings replace that category's day (Store::WriteDayList).
  Result<int64_t> EnrichAndWrite(std::span<const PaperRecord> listed,
                                 const std::optional<store::CategoryDayKey>& list);

  store::Store& store_;
  store::HarvestState& state_;
  store::JobQueue& queue_;
  net::HttpClient& arxiv_;
  const HarvestOptions options_;
};

}  // namespace coolpapers::harvest

#endif  // COOLPAPERS_HARVEST_HARVESTER_H_
