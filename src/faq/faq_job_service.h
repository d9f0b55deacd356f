// FaqService over the persistent job queue: a request queues one `llm` job per (paper, version,
// language), a worker pool runs HandleJob, which generates the FAQ (faq_generator.h) and
// publishes its progress to watchers through a FaqLiveHub; answers live in the FaqStore.
#ifndef COOLPAPERS_FAQ_FAQ_JOB_SERVICE_H_
#define COOLPAPERS_FAQ_FAQ_JOB_SERVICE_H_

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <thread>

#include "core/faq_paper.h"
#include "core/clock.h"
#include "core/mutex.h"
#include "faq/faq_generator.h"
#include "faq/faq_live_hub.h"
#include "faq/faq_service.h"
#include "jobs/worker_pool.h"
#include "llm/model_budget.h"
#include "store/faq_store.h"
#include "store/job_queue.h"
#include "store/store.h"
#include "store/venue_store.h"

namespace coolpapers::faq {

// The queue key of the generation of `id` at `version` in `language`: "faq:2401.06769v2:en".
// A new version is new work, so it gets a new job. A venue paper has one version, and no
// version in its key: "faq:2024.naacl-long.431@ACL:en".
std::string FaqJobKey(const FaqPaper& id, int version, FaqLanguage language);
// What every FAQ job key starts with (jobs/job_router.h).
inline constexpr std::string_view kFaqJobKeyPrefix = "faq:";

struct FaqJobServiceOptions {
  FaqGeneratorOptions generator;  // the PDF loader, the model (nullptr: extractive), questions
  // Attempts before a job fails for good: the worker pool's max_attempts, so the service knows
  // when a retry will not come (and tells watchers the generation ended).
  int max_attempts = 8;
  // A failed generation is queued again when someone asks after this long (admins: at once).
  std::chrono::milliseconds retry_failed_after{std::chrono::minutes(10)};
  // Papers first listed on the store's newest listing day or the `today_days - 1` days before
  // it count as today's papers (JobPriority::kToday); the others are history.
  int today_days = 2;
  // Called after a job was queued (WorkerPool::Wake of the llm pool); may be empty.
  std::function<void()> wake;
  // How often watchers of a generation that is not running in this process (queued, or run by
  // another node on the same store) are told where it stands and when it ended
  // (FaqLiveHub::FollowIdle), on a thread of the service's own; 0: never (one process alone
  // hears everything live). `serve` sets it.
  std::chrono::milliseconds follow_interval{0};
  // The daily budget the model client charges (llm::BudgetedLlmClient), or nullptr: an attempt
  // that failed while it is spent is retried when it renews (00:00 UTC), not after the normal
  // backoff. Not owned; must outlive the service.
  llm::ModelBudget* model_budget = nullptr;
  // Where venue papers are read (their title, abstract and canonical id), or nullptr: a venue
  // paper's FAQ is then kNotFound. Not owned; must outlive the service.
  store::VenueStore* venues = nullptr;
  // The queue's times. Not owned; must outlive the service.
  Clock* clock = &RealClock();
};

// An id with a version ("2401.06769v1") names that version's answer and generation; without
// one, Get and Watch read the newest answer and Request asks for the latest version the store
// knows. Request for a version newer than the store knows returns kNotFound. A venue paper
// (options.venues) is asked for by any of its ids and answered under the one it is shown by, at
// version 1, from the PDF its source gives (the generator's PdfLoader); its jobs go at history
// priority (admins first), like an old arXiv paper's.
// Thread-safe. `store`, `queue` and `faq_store` (and the options' model) must outlive the
// service, and the service must outlive the worker pool running its handler and every watch.
class FaqJobService final : public FaqService {
 public:
  FaqJobService(store::Store& store, store::JobQueue& queue, store::FaqStore& faq_store,
                FaqJobServiceOptions options);
  ~FaqJobService() override;  // stops the follower thread

  [[nodiscard]] Result<FaqStatus> Get(const FaqPaper& id, FaqLanguage language) override;
  [[nodiscard]] Result<FaqStatus> Request(const FaqPaper& id, FaqLanguage language, bool admin,
                                          bool fresh) override;
  [[nodiscard]] Result<std::unique_ptr<FaqWatch>> Watch(
      const FaqPaper& id, FaqLanguage language,
      std::function<void(const FaqEvent&)> listener) override;

  // Runs one attempt of an `llm` job queued by Request (the JobHandler of the llm WorkerPool):
  // generates and stores the answer (kDone), or reports kRetry for what may pass (the model or
  // the PDF unavailable, a timeout; watchers hear kRestart) and kFail for the rest (not a PDF,
  // encrypted, no text, the model refused the request; watchers hear kFinished). A job whose
  // payload does not name a stored paper fails.
  jobs::JobOutcome HandleJob(const store::Job& job, const jobs::JobContext& context);
  // HandleJob as a JobHandler bound to this service.
  jobs::JobHandler Handler();

  // The watchers and generations of this process, for /metrics (SiteMetrics::Watch).
  const FaqLiveHub& live_hub() const { return hub_; }

 private:
  // The paper asked for, as stored.
  struct Target {
    FaqPaper id;  // as asked (its version kept); a venue paper under the id it is shown by
    std::string title;
    std::string abstract;
    std::optional<Paper> arxiv;  // an arXiv paper's row: its listing days set its priority
    int latest_version = 1;
  };
  Result<Target> FindPaper(const FaqPaper& id);
  Result<Target> FindVenuePaper(const FaqPaper& id);
  Result<store::JobPriority> PriorityOf(const Target& target, bool admin);
  // The state of the job of `key`, or kNotAsked when there is none.
  Result<FaqStatus> StatusOfJob(const std::string& key, int latest_version);
  Result<FaqStatus> StatusOf(const store::Job& job, int latest_version);
  store::JobTime Now() const;
  // Ends an attempt that failed with `error`: watchers hear kRestart when the job will be tried
  // again (a retryable error with attempts left, or the pool is stopping) or kFinished with
  // the failure; returns the outcome for the pool.
  jobs::JobOutcome EndAttempt(const store::Job& job, const Error& error, int latest_version,
                              bool stopped);

  // For a generation running but not in this process (another node's): sets the question it
  // is at from the questions it saved so far (FaqStore::LoadPartialItems), and their count.
  void AddSavedProgress(FaqStatus& status, const std::string& paper_id, FaqLanguage language,
                        int version);
  // Calls hub_.FollowIdle() every options_.follow_interval until stopped.
  void FollowLoop(std::stop_token stop);

  store::Store& store_;
  store::JobQueue& queue_;
  store::FaqStore& faq_store_;
  FaqJobServiceOptions options_;
  FaqLiveHub hub_;
  Mutex follow_mutex_;
  std::condition_variable_any follow_wake_;  // only woken to stop
  std::jthread follower_;  // last: stops before the hub goes; not started when the interval is 0
};

}  // namespace coolpapers::faq

#endif  // COOLPAPERS_FAQ_FAQ_JOB_SERVICE_H_
