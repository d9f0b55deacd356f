#include "faq/faq_job_service.h"

#include <algorithm>
#include <span>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/quoted_text.h"
#include "core/thread_priority.h"
#include "jobs/job_outcome.h"
#include "jobs/reader_priority.h"

namespace coolpapers::faq {
namespace {

std::string PayloadOf(const FaqPaper& id, int version, FaqLanguage language) {
  return nlohmann::json{{"paper", id.str()}, {"version", version},
                        {"language", FaqLanguageCode(language)}}
      .dump();
}

struct JobTarget {
  FaqPaper id;  // with its version
  FaqLanguage language = FaqLanguage::kEnglish;
};

Result<JobTarget> ParsePayload(const store::Job& job) {
  const nlohmann::json json = nlohmann::json::parse(job.payload, nullptr, false);
  const auto invalid = [&] {
    return Fail(ErrorCode::kInvalidArgument,
                "FAQ job " + QuoteForMessage(job.key) + " has an unreadable payload " +
                    QuoteForMessage(job.payload) +
                    ": expected {\"paper\": id, \"version\": n, \"language\": \"en\" or \"zh\"}");
  };
  if (!json.is_object() || !json.contains("paper") || !json["paper"].is_string() ||
      !json.contains("version") || !json["version"].is_number_integer() ||
      !json.contains("language") || !json["language"].is_string()) {
    return invalid();
  }
  const int version = json["version"].get<int>();
  Result<FaqPaper> id = FaqPaper::Parse(json["paper"].get<std::string>());
  std::optional<FaqLanguage> language = ParseFaqLanguage(json["language"].get<std::string>());
  if (!id || id->version() != 0 || version < 1 || !language) return invalid();
  return JobTarget{id->AtVersion(version), *language};
}

FaqStatus AnsweredStatus(FaqAnswer answer, int latest_version) {
  FaqStatus status;
  status.state = FaqStatus::State::kAnswered;
  status.question_count = static_cast<int>(answer.items.size());
  status.latest_version = latest_version;
  status.answer = std::move(answer);
  return status;
}

}  // namespace

std::string FaqJobKey(const FaqPaper& id, int version, FaqLanguage language) {
  const std::string paper = id.is_venue() ? id.str() : id.str() + "v" + std::to_string(version);
  return std::string(kFaqJobKeyPrefix) + paper + ":" + std::string(FaqLanguageCode(language));
}

FaqJobService::FaqJobService(store::Store& store, store::JobQueue& queue,
                             store::FaqStore& faq_store, FaqJobServiceOptions options)
    : store_(store), queue_(queue), faq_store_(faq_store), options_(std::move(options)) {
  if (options_.follow_interval.count() > 0) {
    follower_ = std::jthread([this](std::stop_token stop) { FollowLoop(stop); });
  }
}

FaqJobService::~FaqJobService() {
  follower_.request_stop();
  follow_wake_.notify_all();
}

void FaqJobService::FollowLoop(std::stop_token stop) {
  LowerThisThreadsPriority();  // bookkeeping for streams: readers' requests go first
  while (!stop.stop_requested()) {
    {
      MutexLock lock(&follow_mutex_);
      follow_wake_.wait_for(follow_mutex_, stop, options_.follow_interval, [] { return false; });
    }
    if (!stop.stop_requested()) hub_.FollowIdle();
  }
}

store::JobTime FaqJobService::Now() const {
  return WallMilliseconds(*options_.clock);
}

Result<FaqJobService::Target> FaqJobService::FindPaper(const FaqPaper& id) {
  if (id.is_venue()) return FindVenuePaper(id);
  const std::string paper_id = id.str();
  Result<std::vector<Paper>> papers = store_.PapersByIds(std::span(&paper_id, 1));
  if (!papers) return std::unexpected(std::move(papers.error()));
  if (papers->empty()) {
    return Fail(ErrorCode::kNotFound,
                "paper " + QuoteForMessage(paper_id) + " is not in the store: fetch it first");
  }
  Paper& paper = papers->front();
  Target target{id, paper.title, paper.abstract, std::nullopt, std::max(1, paper.version)};
  for (const PaperVersion& version : paper.versions) {
    target.latest_version = std::max(target.latest_version, version.number);
  }
  target.arxiv = std::move(paper);
  return target;
}

Result<FaqJobService::Target> FaqJobService::FindVenuePaper(const FaqPaper& id) {
  const std::string asked = id.str();
  if (options_.venues == nullptr) {
    return Fail(ErrorCode::kNotFound, "venue paper " + QuoteForMessage(asked) +
                                          " is not here: this instance keeps no venue papers");
  }
  Result<std::vector<VenuePaper>> papers =
      options_.venues->VenuePapersByIds(std::span(&asked, 1));
  if (!papers) return std::unexpected(std::move(papers.error()));
  if (papers->empty()) {
    return Fail(ErrorCode::kNotFound, "venue paper " + QuoteForMessage(asked) +
                                          " is not in the store: import its edition first");
  }
  VenuePaper& paper = papers->front();
  // A paper known through several sources has one FAQ, under the id it is shown by (and its
  // PDF is cached under it).
  return Target{FaqPaper(paper.id, id.version()), std::move(paper.title),
                std::move(paper.abstract), std::nullopt, 1};
}

Result<store::JobPriority> FaqJobService::PriorityOf(const Target& target, bool admin) {
  if (!target.arxiv) return admin ? store::JobPriority::kAdmin : store::JobPriority::kHistory;
  return jobs::ReaderPriority(store_, *target.arxiv, admin, options_.today_days);
}

Result<FaqStatus> FaqJobService::StatusOf(const store::Job& job, int latest_version) {
  FaqStatus status;
  status.latest_version = latest_version;
  status.attempts = job.attempts;
  switch (job.state) {
    case store::JobState::kQueued: {
      status.state = FaqStatus::State::kQueued;
      Result<int64_t> position = queue_.PositionOf(job.id);
      if (!position) return std::unexpected(std::move(position.error()));
      status.position = *position;
      if (!job.last_error.empty()) {  // an attempt failed: waiting for its retry
        status.error = job.last_error;
        status.retry_at = job.not_before;
      }
      break;
    }
    case store::JobState::kRunning:
      status.state = FaqStatus::State::kRunning;
      break;
    case store::JobState::kDone: {
      // The answer is stored before the job is marked done; read it back.
      Result<JobTarget> target = ParsePayload(job);
      if (!target) return std::unexpected(std::move(target.error()));
      auto answer =
          faq_store_.LoadAnswer(target->id.str(), target->language, target->id.version());
      if (!answer) return std::unexpected(std::move(answer.error()));
      if (*answer) return AnsweredStatus(std::move(**answer), latest_version);
      status.state = FaqStatus::State::kNotAsked;
      break;
    }
    case store::JobState::kFailed:
      status.state = FaqStatus::State::kFailed;
      status.error = job.last_error;
      break;
  }
  return status;
}

Result<FaqStatus> FaqJobService::StatusOfJob(const std::string& key, int latest_version) {
  Result<std::optional<store::Job>> job = queue_.Find(store::JobKind::kLlm, key);
  if (!job) return std::unexpected(std::move(job.error()));
  if (!*job) {
    FaqStatus status;
    status.latest_version = latest_version;
    return status;
  }
  return StatusOf(**job, latest_version);
}

Result<FaqStatus> FaqJobService::Get(const FaqPaper& asked, FaqLanguage language) {
  Result<Target> target = FindPaper(asked);
  if (!target) return std::unexpected(std::move(target.error()));
  const FaqPaper& id = target->id;
  auto answer = faq_store_.LoadAnswer(id.str(), language, id.version());
  if (!answer) return std::unexpected(std::move(answer.error()));
  if (*answer) return AnsweredStatus(std::move(**answer), target->latest_version);
  const int version = id.version() > 0 ? id.version() : target->latest_version;
  const std::string key = FaqJobKey(id, version, language);
  Result<FaqStatus> status = StatusOfJob(key, target->latest_version);
  if (status && status->state == FaqStatus::State::kRunning) {
    if (std::optional<FaqStatus> live = hub_.LiveStatus(key)) {
      status->question_index = live->question_index;
      status->question_count = live->question_count;
      status->reading_pdf = live->reading_pdf;
    } else {
      AddSavedProgress(*status, id.str(), language, version);
    }
  }
  return status;
}

void FaqJobService::AddSavedProgress(FaqStatus& status, const std::string& paper_id,
                                     FaqLanguage language, int version) {
  if (status.state != FaqStatus::State::kRunning || options_.generator.llm == nullptr) return;
  const int count =
      static_cast<int>(options_.generator.questions.For(language).questions.size());
  Result<std::vector<FaqItem>> done = faq_store_.LoadPartialItems(
      paper_id, language, version, options_.generator.llm->model());
  if (!done || count == 0) return;  // the status without progress is still right
  status.question_count = count;
  status.question_index = std::min(static_cast<int>(done->size()), count - 1);
}

Result<FaqStatus> FaqJobService::Request(const FaqPaper& asked, FaqLanguage language, bool admin,
                                         bool fresh) {
  Result<Target> target = FindPaper(asked);
  if (!target) return std::unexpected(std::move(target.error()));
  const FaqPaper& id = target->id;
  const int version = id.version() > 0 ? id.version() : target->latest_version;
  if (version > target->latest_version) {
    return Fail(ErrorCode::kNotFound, "paper " + QuoteForMessage(id.str()) + " has no version " +
                                          std::to_string(version) + " in the store: the latest is " +
                                          std::to_string(target->latest_version));
  }
  // Without `fresh` any stored version will do (reference §3.5: answers are not regenerated for
  // new versions unless asked).
  const int wanted = id.version() == 0 && !fresh ? 0 : version;
  auto answer = faq_store_.LoadAnswer(id.str(), language, wanted);
  if (!answer) return std::unexpected(std::move(answer.error()));
  if (*answer) return AnsweredStatus(std::move(**answer), target->latest_version);

  Result<store::JobPriority> priority = PriorityOf(*target, admin);
  if (!priority) return std::unexpected(std::move(priority.error()));
  const store::JobSpec spec{store::JobKind::kLlm, FaqJobKey(id, version, language), *priority,
                            PayloadOf(id, version, language)};
  const store::JobTime now = Now();
  Result<store::Job> job = queue_.Enqueue(spec, now);
  if (!job) return std::unexpected(std::move(job.error()));
  bool restart = job->state == store::JobState::kFailed &&
                 (admin || now - job->updated >= options_.retry_failed_after);
  if (job->state == store::JobState::kDone) {
    // Done but no answer read above: it was saved since (read it) or removed (generate again).
    Result<FaqStatus> done = StatusOf(*job, target->latest_version);
    if (!done) return done;
    if (done->state == FaqStatus::State::kAnswered) return done;
    restart = true;
  }
  if (restart) {
    job = queue_.Enqueue(spec, now, store::EnqueueMode::kRestartFinished);
    if (!job) return std::unexpected(std::move(job.error()));
  }
  if (job->state == store::JobState::kQueued && options_.wake) options_.wake();
  Result<FaqStatus> status = StatusOf(*job, target->latest_version);
  if (status && status->state == FaqStatus::State::kRunning) {
    if (std::optional<FaqStatus> live = hub_.LiveStatus(spec.key)) {
      status->question_index = live->question_index;
      status->question_count = live->question_count;
      status->reading_pdf = live->reading_pdf;
    }
  }
  return status;
}

Result<std::unique_ptr<FaqWatch>> FaqJobService::Watch(
    const FaqPaper& asked, FaqLanguage language, std::function<void(const FaqEvent&)> listener) {
  Result<Target> target = FindPaper(asked);
  if (!target) return std::unexpected(std::move(target.error()));
  const FaqPaper id = target->id;
  const int version = id.version() > 0 ? id.version() : target->latest_version;
  const std::string key = FaqJobKey(id, version, language);
  const int latest_version = target->latest_version;
  // Called with the hub locked, or by FollowIdle later (so it holds copies, not references),
  // and only when no generation of `key` is live, so it must not consult the hub (Get does).
  auto idle_status = [this, id, language, version, key, latest_version]() -> FaqStatus {
    auto answer = faq_store_.LoadAnswer(id.str(), language, id.version());
    if (answer && *answer) return AnsweredStatus(std::move(**answer), latest_version);
    Result<FaqStatus> status = answer ? StatusOfJob(key, latest_version)
                                      : Result<FaqStatus>(std::unexpected(answer.error()));
    if (status) {
      // Running but not here: another node generates; its saved questions tell how far.
      AddSavedProgress(*status, id.str(), language, version);
      return std::move(*status);
    }
    FaqStatus failed;
    failed.state = FaqStatus::State::kFailed;
    failed.error = status.error().message;
    failed.latest_version = latest_version;
    return failed;
  };
  return hub_.Subscribe(key, std::move(listener), idle_status);
}

jobs::JobOutcome FaqJobService::HandleJob(const store::Job& job,
                                          const jobs::JobContext& context) {
  const std::string& key = job.key;
  // Before the generation starts, watchers hear only how the attempt ended.
  const auto ended_early = [&](const Error& error) {
    return EndAttempt(job, error, /*latest_version=*/0, /*stopped=*/false);
  };
  Result<JobTarget> target = ParsePayload(job);
  if (!target) return ended_early(target.error());
  Result<Target> paper = FindPaper(target->id);
  if (!paper) return ended_early(paper.error());

  FaqStatus running;
  running.state = FaqStatus::State::kRunning;
  running.question_count =
      static_cast<int>(options_.generator.questions.For(target->language).questions.size());
  running.attempts = job.attempts;
  running.latest_version = paper->latest_version;
  running.reading_pdf = true;  // GenerateFaq loads the PDF before its first question
  hub_.Begin(key, running);

  FaqProgress progress;
  progress.on_question = [&](int index, int count) {
    running.question_index = index;
    running.question_count = count;
    running.reading_pdf = false;
    hub_.Update(key, running);
  };
  progress.on_delta = [&](int index, std::string_view delta) { hub_.Delta(key, index, delta); };
  progress.on_item_done = [&](int index, const FaqItem& item) {
    hub_.ItemDone(key, index, item.answer);
  };
  const FaqGeneration what{target->id, paper->title, paper->abstract, target->language};
  Result<FaqAnswer> answer =
      GenerateFaq(what, options_.generator, faq_store_, progress, context.stop);
  if (answer) {
    const std::string result = std::to_string(answer->items.size()) + " answers by " +
                               answer->model;
    hub_.Finish(key, AnsweredStatus(std::move(*answer), paper->latest_version));
    return jobs::JobOutcome::Done(result);
  }

  return EndAttempt(job, answer.error(), paper->latest_version, context.stop.stop_requested());
}

jobs::JobOutcome FaqJobService::EndAttempt(const store::Job& job, const Error& error,
                                           int latest_version, bool stopped) {
  jobs::JobOutcome outcome = jobs::OutcomeOf(error);
  if (outcome.kind == jobs::JobOutcome::Kind::kRetry && options_.model_budget != nullptr) {
    outcome.retry_after = options_.model_budget->WaitWhileSpent();
  }
  FaqStatus ended;
  ended.attempts = job.attempts;
  ended.latest_version = latest_version;
  ended.error = error.message;
  // A stopped pool puts the job back at once whatever we return (worker_pool.h).
  const bool retried = stopped || (outcome.kind == jobs::JobOutcome::Kind::kRetry &&
                                   job.attempts < options_.max_attempts);
  if (retried) {
    ended.state = FaqStatus::State::kQueued;
    hub_.Restart(job.key, ended);
  } else {
    ended.state = FaqStatus::State::kFailed;
    hub_.Finish(job.key, ended);
  }
  return outcome;
}

jobs::JobHandler FaqJobService::Handler() {
  return [this](const store::Job& job, const jobs::JobContext& context) {
    return HandleJob(job, context);
  };
}

}  // namespace coolpapers::faq
