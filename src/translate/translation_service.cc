#include "translate/translation_service.h"

#include <algorithm>
#include <optional>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "core/quoted_text.h"
#include "translate/paper_translator.h"
#include "jobs/job_outcome.h"
#include "jobs/reader_priority.h"

namespace coolpapers::translate {
namespace {


std::string JobKey(const std::string& paper_id, int version) {
  return std::string(kTranslationJobKeyPrefix) + paper_id + "v" + std::to_string(version);
}

std::string PayloadOf(const std::string& paper_id, int version) {
  return nlohmann::json{{"paper", paper_id}, {"version", version}}.dump();
}

}  // namespace

TranslationService::TranslationService(store::Store& store, store::JobQueue& queue,
                                       store::TranslationStore& translations, llm::LlmClient& llm,
                                       TranslationServiceOptions options)
    : store_(store),
      queue_(queue),
      translations_(translations),
      llm_(llm),
      options_(std::move(options)) {}

store::JobTime TranslationService::Now() const {
  return WallMilliseconds(*options_.clock);
}

bool TranslationService::Handles(const store::Job& job) {
  return job.kind == store::JobKind::kLlm && job.key.starts_with(kTranslationJobKeyPrefix);
}

Result<TranslationBatch> TranslationService::Get(std::span<const std::string> paper_ids) {
  return Collect(paper_ids, /*queue_missing=*/false, /*admin=*/false);
}

Result<TranslationBatch> TranslationService::Request(std::span<const std::string> paper_ids,
                                                     bool admin) {
  return Collect(paper_ids, /*queue_missing=*/true, admin);
}

Result<TranslationBatch> TranslationService::Collect(std::span<const std::string> paper_ids,
                                                     bool queue_missing, bool admin) {
  Result<std::vector<Paper>> papers = store_.PapersByIds(paper_ids);
  if (!papers) return std::unexpected(std::move(papers.error()));
  Result<std::vector<PaperTranslation>> stored = translations_.LoadTranslations(paper_ids);
  if (!stored) return std::unexpected(std::move(stored.error()));
  std::unordered_map<std::string, PaperTranslation*> stored_by_id;
  for (PaperTranslation& translation : *stored) stored_by_id[translation.paper_id] = &translation;

  TranslationBatch batch;
  bool queued = false;
  const store::JobTime now = Now();
  for (const Paper& paper : *papers) {
    const int latest = std::max(1, paper.version);
    const auto found = stored_by_id.find(paper.id);
    const PaperTranslation* translation = found == stored_by_id.end() ? nullptr : found->second;
    if (translation != nullptr) batch.translations.push_back(*translation);
    if (translation != nullptr && translation->version >= latest) continue;

    // The latest version has no translation: its job tells where it stands.
    Result<store::JobPriority> priority =
        jobs::ReaderPriority(store_, paper, admin, options_.today_days);
    if (!priority) return std::unexpected(std::move(priority.error()));
    const store::JobSpec spec{store::JobKind::kLlm, JobKey(paper.id, latest), *priority,
                              PayloadOf(paper.id, latest)};
    Result<std::optional<store::Job>> job = queue_.Find(spec.kind, spec.key);
    if (!job) return std::unexpected(std::move(job.error()));
    if (queue_missing) {
      const bool retry = *job && (((*job)->state == store::JobState::kFailed &&
                                   (admin || now - (*job)->updated >= options_.retry_failed_after)) ||
                                  (*job)->state == store::JobState::kDone);  // done, yet not stored
      Result<store::Job> enqueued = queue_.Enqueue(
          spec, now, retry ? store::EnqueueMode::kRestartFinished : store::EnqueueMode::kKeepFinished);
      if (!enqueued) return std::unexpected(std::move(enqueued.error()));
      queued = queued || enqueued->state == store::JobState::kQueued;
      *job = std::move(*enqueued);
    }
    if (!*job) continue;
    switch ((*job)->state) {
      case store::JobState::kQueued:
      case store::JobState::kRunning:
        batch.pending.push_back(paper.id);
        break;
      case store::JobState::kFailed:
        if (translation == nullptr) batch.failed.emplace_back(paper.id, (*job)->last_error);
        break;
      case store::JobState::kDone:
        break;  // stored meanwhile: the next read finds it
    }
  }
  if (queued && options_.wake) options_.wake();
  return batch;
}

jobs::JobOutcome TranslationService::HandleJob(const store::Job& job,
                                               const jobs::JobContext& context) {
  const nlohmann::json payload = nlohmann::json::parse(job.payload, nullptr, false);
  if (!payload.is_object() || !payload.contains("paper") || !payload["paper"].is_string()) {
    return jobs::JobOutcome::Fail("translation job " + QuoteForMessage(job.key) +
                                  " has an unreadable payload " + QuoteForMessage(job.payload));
  }
  const std::string paper_id = payload["paper"].get<std::string>();
  Result<std::vector<Paper>> papers = store_.PapersByIds(std::span(&paper_id, 1));
  if (!papers) return jobs::OutcomeOf(papers.error());
  if (papers->empty()) {
    return jobs::JobOutcome::Fail("paper " + QuoteForMessage(paper_id) + " is not in the store");
  }
  const UtcTime now = std::chrono::floor<std::chrono::seconds>(Now());
  Result<PaperTranslation> translation = TranslatePaper(papers->front(), llm_, now, context.stop);
  if (!translation) {
    jobs::JobOutcome outcome = jobs::OutcomeOf(translation.error());
    if (outcome.kind == jobs::JobOutcome::Kind::kRetry && options_.model_budget != nullptr) {
      outcome.retry_after = options_.model_budget->WaitWhileSpent();
    }
    return outcome;
  }
  if (Result<void> saved = translations_.SaveTranslation(*translation); !saved) {
    return jobs::OutcomeOf(saved.error());
  }
  return jobs::JobOutcome::Done(translation->model);
}

}  // namespace coolpapers::translate
