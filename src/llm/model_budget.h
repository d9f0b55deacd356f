// The instance's daily model budget (issue #18 finding 1): at most so many model calls
// ("generations": one per FAQ question, one per translation) and so many tokens per UTC day,
// whatever strangers ask for. BudgetedLlmClient (budgeted_llm_client.h) charges every call to
// it, so the bound holds wherever the call comes from; the FAQ and translation services also
// refuse to queue work while it is spent, so readers hear it at once (429 until 00:00 UTC).
#ifndef COOLPAPERS_LLM_MODEL_BUDGET_H_
#define COOLPAPERS_LLM_MODEL_BUDGET_H_

#include <chrono>
#include <cstdint>
#include <optional>

#include "core/clock.h"
#include "core/date.h"
#include "core/error.h"
#include "core/mutex.h"

namespace coolpapers::llm {

struct ModelBudgetLimits {
  int64_t daily_generations = 2000;     // model calls a day; <= 0: unlimited
  int64_t daily_tokens = 20'000'000;    // prompt + completion tokens a day; <= 0: unlimited
};

// What has been spent today.
struct ModelBudgetUse {
  int64_t generations = 0;
  int64_t tokens = 0;
};

// Thread-safe. A call is admitted while both counts are under their limits; its tokens are
// known only once it ends, so the token limit can be passed by the calls already running (at
// most the client's concurrency times one call's tokens).
class ModelBudget {
 public:
  explicit ModelBudget(ModelBudgetLimits limits = {}, Clock* clock = &RealClock());

  // Admits one model call and counts it, or kUnavailable: "today's model budget is spent: new
  // FAQs and translations can be asked for again after 00:00 UTC".
  [[nodiscard]] Result<void> StartCall();
  // Adds a finished call's tokens.
  void AddTokens(int64_t tokens);
  // kUnavailable (StartCall's message) while the budget is spent; counts nothing.
  [[nodiscard]] Result<void> CheckAvailable();
  // While the budget is spent, how long until it renews (00:00 UTC): what a model job refused
  // for it waits before its retry, instead of spending its attempts on the normal backoff of
  // seconds (FaqJobServiceOptions and TranslationServiceOptions::model_budget). Otherwise
  // nullopt.
  std::optional<std::chrono::seconds> WaitWhileSpent();

  ModelBudgetUse Today();
  const ModelBudgetLimits& limits() const { return limits_; }

 private:
  // Starts a new day's counts when the UTC day changed.
  void Roll() REQUIRES(mutex_);
  bool Spent() const REQUIRES(mutex_);

  const ModelBudgetLimits limits_;
  Clock& clock_;
  Mutex mutex_;
  Date day_ GUARDED_BY(mutex_);
  ModelBudgetUse use_ GUARDED_BY(mutex_);
};

}  // namespace coolpapers::llm

#endif  // COOLPAPERS_LLM_MODEL_BUDGET_H_
