#include "web/metrics/instance_metrics.h"

#include <chrono>
#include <string>
#include <string_view>

namespace coolpapers::web {
namespace {

double Seconds(store::JobTime time) {
  return std::chrono::duration<double>(time.time_since_epoch()).count();
}

Result<void> AppendJobs(PrometheusText& out, const SiteServices& services) {
  if (services.job_queue != nullptr) {
    Result<std::vector<store::JobCount>> counts = services.job_queue->Counts();
    if (!counts) return std::unexpected(counts.error());
    out.Family("coolpapers_jobs", "gauge",
               "Jobs in the persistent queue by kind and state (queued and running: its depth).");
    // Every kind and state, zeros included, so a rate or an alert has a series to look at.
    for (store::JobKind kind : {store::JobKind::kArxiv, store::JobKind::kPdf, store::JobKind::kLlm}) {
      for (store::JobState state : {store::JobState::kQueued, store::JobState::kRunning,
                                    store::JobState::kDone, store::JobState::kFailed}) {
        int64_t n = 0;
        for (const store::JobCount& count : *counts) {
          if (count.kind == kind && count.state == state) n = count.count;
        }
        out.Sample("coolpapers_jobs",
                   {{"kind", store::JobKindName(kind)}, {"state", store::JobStateName(state)}},
                   static_cast<double>(n));
      }
    }
  }
  if (!services.worker_pools) return {};
  const std::vector<jobs::WorkerPoolStatus> pools = services.worker_pools();
  out.Family("coolpapers_job_attempts_total", "counter",
             "Job attempts this process's workers finished, by kind and outcome (done; retried: "
             "failed and queued again; failed: for good).");
  for (const jobs::WorkerPoolStatus& pool : pools) {
    const std::string_view kind = store::JobKindName(pool.kind);
    out.Sample("coolpapers_job_attempts_total", {{"kind", kind}, {"outcome", "done"}},
               static_cast<double>(pool.jobs_done));
    out.Sample("coolpapers_job_attempts_total", {{"kind", kind}, {"outcome", "retried"}},
               static_cast<double>(pool.jobs_retried));
    out.Sample("coolpapers_job_attempts_total", {{"kind", kind}, {"outcome", "failed"}},
               static_cast<double>(pool.jobs_failed));
  }
  out.Family("coolpapers_workers", "gauge", "Live workers by kind, and how many run a job now.");
  for (const jobs::WorkerPoolStatus& pool : pools) {
    const std::string_view kind = store::JobKindName(pool.kind);
    out.Sample("coolpapers_workers", {{"kind", kind}, {"state", "live"}}, pool.workers);
    out.Sample("coolpapers_workers", {{"kind", kind}, {"state", "busy"}}, pool.busy);
  }
  out.Family("coolpapers_workers_replaced_total", "counter",
             "Workers replaced because they crashed or hung, by kind.");
  for (const jobs::WorkerPoolStatus& pool : pools) {
    out.Sample("coolpapers_workers_replaced_total", {{"kind", store::JobKindName(pool.kind)}},
               static_cast<double>(pool.workers_replaced));
  }
  out.Family("coolpapers_job_queue_errors_total", "counter",
             "Calls of the workers to the job queue that failed (the store busy or failing).");
  for (const jobs::WorkerPoolStatus& pool : pools) {
    out.Sample("coolpapers_job_queue_errors_total", {{"kind", store::JobKindName(pool.kind)}},
               static_cast<double>(pool.queue_errors));
  }
  return {};
}

Result<void> AppendHarvest(PrometheusText& out, const SiteServices& services) {
  out.Family("coolpapers_harvest_enabled", "gauge", "1 when this process harvests arXiv.");
  out.Sample("coolpapers_harvest_enabled", {}, services.harvest_progress ? 1 : 0);
  if (services.harvest_progress) {
    Result<HarvestProgress> progress = services.harvest_progress();
    if (!progress) return std::unexpected(progress.error());
    out.Family("coolpapers_harvest_categories", "gauge",
               "Configured categories by where their feed check stands (checked: read at least "
               "once; pending: queued or running; failing: the latest check failed).");
    out.Sample("coolpapers_harvest_categories", {{"state", "configured"}}, progress->categories);
    out.Sample("coolpapers_harvest_categories", {{"state", "checked"}}, progress->checked);
    out.Sample("coolpapers_harvest_categories", {{"state", "pending"}}, progress->pending);
    out.Sample("coolpapers_harvest_categories", {{"state", "failing"}}, progress->failing);
    if (progress->retry_at) {
      out.Family("coolpapers_harvest_next_retry_timestamp_seconds", "gauge",
                 "When a failing feed check is tried next.");
      out.Sample("coolpapers_harvest_next_retry_timestamp_seconds", {}, Seconds(*progress->retry_at));
    }
  }
  if (services.harvest_state == nullptr) return {};
  Result<std::vector<store::CategoryDayStatus>> newest = services.harvest_state->NewestDays();
  if (!newest) return std::unexpected(newest.error());
  Result<std::vector<store::CategoryDayStatus>> incomplete =
      services.harvest_state->IncompleteDays();
  if (!incomplete) return std::unexpected(incomplete.error());
  out.Family("coolpapers_harvest_incomplete_days", "gauge",
             "(category, day) pairs harvested but not reconciled with arXiv's feed yet.");
  out.Sample("coolpapers_harvest_incomplete_days", {}, static_cast<double>(incomplete->size()));
  out.Family("coolpapers_harvest_last_check_timestamp_seconds", "gauge",
             "When the harvester last checked each category's newest day.");
  for (const store::CategoryDayStatus& day : *newest) {
    out.Sample("coolpapers_harvest_last_check_timestamp_seconds", {{"category", day.category}},
               Seconds(day.checked));
  }
  out.Family("coolpapers_harvest_newest_day_papers", "gauge",
             "Papers arXiv's feed listed on each category's newest harvested day.");
  for (const store::CategoryDayStatus& day : *newest) {
    const std::string iso = day.day.ToIso();
    out.Sample("coolpapers_harvest_newest_day_papers", {{"category", day.category}, {"day", iso}},
               static_cast<double>(day.feed.total()));
  }
  return {};
}

void AppendModels(PrometheusText& out, const SiteServices& services) {
  if (services.model_usage.empty()) return;
  out.Family("coolpapers_model_calls_total", "counter",
             "Calls to the language model by use (faq, translate) and outcome.");
  for (const NamedModelUsage& model : services.model_usage) {
    const int64_t calls = model.usage->calls.load(std::memory_order_relaxed);
    const int64_t failures = model.usage->failures.load(std::memory_order_relaxed);
    out.Sample("coolpapers_model_calls_total", {{"use", model.use}, {"outcome", "ok"}},
               static_cast<double>(calls - failures));
    out.Sample("coolpapers_model_calls_total", {{"use", model.use}, {"outcome", "failed"}},
               static_cast<double>(failures));
  }
  out.Family("coolpapers_model_tokens_total", "counter",
             "Tokens the model server reported, by use and type (prompt, completion).");
  for (const NamedModelUsage& model : services.model_usage) {
    out.Sample("coolpapers_model_tokens_total", {{"use", model.use}, {"type", "prompt"}},
               static_cast<double>(model.usage->prompt_tokens.load(std::memory_order_relaxed)));
    out.Sample("coolpapers_model_tokens_total", {{"use", model.use}, {"type", "completion"}},
               static_cast<double>(
                   model.usage->completion_tokens.load(std::memory_order_relaxed)));
  }
}

}  // namespace

Result<void> AppendInstanceMetrics(PrometheusText& out, const SiteServices& services) {
  if (Result<void> jobs = AppendJobs(out, services); !jobs) return jobs;
  if (Result<void> harvest = AppendHarvest(out, services); !harvest) return harvest;
  AppendModels(out, services);
  return {};
}

}  // namespace coolpapers::web
