// Translations of titles and abstracts for the site: asking queues one `llm` job per paper
// version (run beside the FAQ's generations by the same worker pool, which dispatches on the
// job key), the model translates (paper_translator.h), and the result is stored once
// (store/translation_store.h) and served to every reader after.
#ifndef COOLPAPERS_TRANSLATE_TRANSLATION_SERVICE_H_
#define COOLPAPERS_TRANSLATE_TRANSLATION_SERVICE_H_

#include <chrono>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/clock.h"
#include "core/error.h"
#include "core/paper_translation.h"
#include "llm/llm_client.h"
#include "llm/model_budget.h"
#include "jobs/worker_pool.h"
#include "store/job_queue.h"
#include "store/store.h"
#include "store/translation_store.h"

namespace coolpapers::translate {

// The llm jobs of translations are keyed "translate:<id>v<version>" (jobs/job_router.h).
inline constexpr std::string_view kTranslationJobKeyPrefix = "translate:";

// Where the translations of some papers stand.
struct TranslationBatch {
  std::vector<PaperTranslation> translations;  // stored ones (the newest version translated)
  std::vector<std::string> pending;            // ids queued or being translated
  // Ids whose translation failed on every attempt, with the reason (safe to show).
  std::vector<std::pair<std::string, std::string>> failed;
};

struct TranslationServiceOptions {
  // A failed translation is queued again when asked after this long (admins: at once).
  std::chrono::milliseconds retry_failed_after{std::chrono::minutes(10)};
  // Papers first listed in the store's last `today_days` listing days are today's work; older
  // papers are history, so strangers asking about old papers wait behind today's readers.
  int today_days = 2;
  std::function<void()> wake;                  // WorkerPool::Wake of the llm pool; may be empty
  // The daily budget the model client charges (llm::BudgetedLlmClient), or nullptr: a job that
  // failed while it is spent is retried when it renews (00:00 UTC), not after the normal
  // backoff. Not owned.
  llm::ModelBudget* model_budget = nullptr;
  Clock* clock = &RealClock();  // the queue's times; not owned
};

// Thread-safe. `store`, `queue`, `translations` and `llm` must outlive the service, and the
// service the worker pool running its jobs.
class TranslationService {
 public:
  TranslationService(store::Store& store, store::JobQueue& queue,
                     store::TranslationStore& translations, llm::LlmClient& llm,
                     TranslationServiceOptions options);

  // The translations stored for `paper_ids` (canonical ids, at most a page of them) and the
  // state of the others; never starts work (GET). Ids the store lacks are left out. Errors:
  // the stores' and the queue's.
  [[nodiscard]] Result<TranslationBatch> Get(std::span<const std::string> paper_ids);

  // Get, after queueing a translation of each paper that has none of its latest version and
  // none pending (POST): `admin` goes first, then recent papers, then history
  // (jobs/reader_priority.h).
  [[nodiscard]] Result<TranslationBatch> Request(std::span<const std::string> paper_ids,
                                                 bool admin);

  // True for the jobs Request queues ("translate:<id>v<n>"): the llm pool gives them to
  // HandleJob, the rest to the FAQ.
  static bool Handles(const store::Job& job);

  // Translates and stores the job's paper (kDone), or kRetry / kFail as jobs::OutcomeOf says.
  jobs::JobOutcome HandleJob(const store::Job& job, const jobs::JobContext& context);

 private:
  Result<TranslationBatch> Collect(std::span<const std::string> paper_ids, bool queue_missing,
                                   bool admin);
  store::JobTime Now() const;

  store::Store& store_;
  store::JobQueue& queue_;
  store::TranslationStore& translations_;
  llm::LlmClient& llm_;
  const TranslationServiceOptions options_;
};

}  // namespace coolpapers::translate

#endif  // COOLPAPERS_TRANSLATE_TRANSLATION_SERVICE_H_
