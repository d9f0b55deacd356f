#include "llm/model_budget.h"

#include "core/utc_day.h"

namespace coolpapers::llm {
namespace {

std::unexpected<Error> SpentError() {
  return Fail(ErrorCode::kUnavailable,
              "today's model budget is spent: new FAQs and translations can be asked for again "
              "after 00:00 UTC");
}

}  // namespace

ModelBudget::ModelBudget(ModelBudgetLimits limits, Clock* clock)
    : limits_(limits), clock_(*clock) {}

void ModelBudget::Roll() {
  const Date today = UtcToday(clock_);
  if (today == day_) return;
  day_ = today;
  use_ = {};
}

bool ModelBudget::Spent() const {
  return (limits_.daily_generations > 0 && use_.generations >= limits_.daily_generations) ||
         (limits_.daily_tokens > 0 && use_.tokens >= limits_.daily_tokens);
}

Result<void> ModelBudget::StartCall() {
  MutexLock lock(&mutex_);
  Roll();
  if (Spent()) return SpentError();
  ++use_.generations;
  return {};
}

void ModelBudget::AddTokens(int64_t tokens) {
  MutexLock lock(&mutex_);
  Roll();
  use_.tokens += tokens;
}

Result<void> ModelBudget::CheckAvailable() {
  MutexLock lock(&mutex_);
  Roll();
  if (Spent()) return SpentError();
  return {};
}

std::optional<std::chrono::seconds> ModelBudget::WaitWhileSpent() {
  MutexLock lock(&mutex_);
  Roll();
  if (!Spent()) return std::nullopt;
  return UntilNextUtcDay(clock_);
}

ModelBudgetUse ModelBudget::Today() {
  MutexLock lock(&mutex_);
  Roll();
  return use_;
}

}  // namespace coolpapers::llm
