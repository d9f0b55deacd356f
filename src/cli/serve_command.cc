#include "cli/serve_command.h"

#include <chrono>
#include <cstdio>
#include <functional>
#include <latch>
#include <memory>
#include <optional>
#include <vector>

#include "core/clock.h"
#include "cli/config_file.h"
#include "cli/data_dir.h"
#include "cli/instance.h"
#include "cli/malloc_tuning.h"
#include "harvest/on_demand_paper_fetcher.h"
#include "search/search_service.h"
#include "cli/faq_setup.h"
#include "pdf/on_demand_pdf_fetcher.h"
#include "faq/faq_job_service.h"
#include "translate/translation_service.h"
#include "harvest/harvest_progress_reader.h"
#include "harvest/harvest_scheduler.h"
#include "jobs/job_outcome.h"
#include "jobs/job_router.h"
#include "jobs/worker_pool.h"
#include "llm/budgeted_llm_client.h"
#include "llm/model_budget.h"
#include "web/api/status_json.h"
#include "store/store_location.h"
#include "web/pages/layout.h"
#include "web/server.h"
#include "web/site.h"
#include "web/site_metrics.h"

namespace coolpapers::cli {

int RunServeCommand(const ServeOptions& options) {
  // Before any thread: large freed buffers go back to the system (cli/malloc_tuning.h).
  if (!TuneMallocForServing()) std::fprintf(stderr, "coolpapers: malloc tuning refused; memory may stay high\n");
  const PeriodicMallocTrim trim;  // freed heap pages back to the system every few seconds
  Result<std::unique_ptr<Instance>> opened =
      LoadAndOpenInstance(options.data_dir, options.config_file, options.store, [&](Config& config) {
        if (options.harvest) config.harvest_enabled = true;
        if (options.no_harvest) config.harvest_enabled = false;
      });
  if (!opened) {
    PrintError(opened.error());
    return 1;
  }
  Instance& instance = **opened;
  const Config& settings = instance.config;

  // The arXiv workers run whether or not the daily harvest is on: a reader may open any paper.
  harvest::Harvester& harvester = *instance.harvester;
  // Venue fetches ("venue:<edition>", `coolpapers venue fetch`) run on the same workers, through
  // the same polite client.
  jobs::JobRouter arxiv_jobs;
  arxiv_jobs.Route("", [&harvester](const store::Job& job, const jobs::JobContext& context) {
    return harvester.RunJob(job, context);
  });
  harvest::VenueHarvester& venue_harvester = *instance.venue_harvester;
  arxiv_jobs.Route(std::string(harvest::kVenueJobKeyPrefix),
                   [&venue_harvester](const store::Job& job, const jobs::JobContext& context) {
                     return venue_harvester.RunJob(job, context);
                   });
  jobs::WorkerPool arxiv_workers(*instance.jobs, arxiv_jobs.Handler(), settings.arxiv_jobs);
  arxiv_workers.Start();
  std::optional<harvest::HarvestScheduler> scheduler;
  if (settings.harvest_enabled) {
    scheduler.emplace(harvester, [&arxiv_workers] { arxiv_workers.Wake(); }, settings.harvest);
    scheduler->Start();
  }

  // PDFs for readers (/pdf/<id>) and the FAQ: the cache, filled by the pdf workers through
  // the polite client.
  Result<PdfParts> pdf = OpenPdfParts(instance);
  if (!pdf) {
    PrintError(pdf.error());
    return 1;
  }
  pdf::PdfFetcher& pdf_fetcher = *pdf->fetcher;
  pdf_fetcher.EnableVenues(*instance.venues);
  jobs::WorkerPool pdf_workers(
      *instance.jobs,
      [&pdf_fetcher](const store::Job& job, const jobs::JobContext& context) {
        return pdf_fetcher.RunJob(job, context);
      },
      settings.pdf_jobs);
  pdf_workers.Start();

  // The FAQ: generations queued as llm jobs, run by their own pool. /metrics counts what each
  // model client spends.
  ModelUsage faq_model_usage;
  ModelUsage translation_model_usage;
  Result<FaqParts> faq_parts = OpenFaqParts(instance, pdf_fetcher, &faq_model_usage);
  if (!faq_parts) {
    PrintError(faq_parts.error());
    return 1;
  }
  // Every model call, FAQ or translation, is charged to one daily budget ([limits]).
  llm::ModelBudget model_budget(settings.limits.model_budget);
  if (faq_parts->llm) {
    faq_parts->llm =
        std::make_unique<llm::BudgetedLlmClient>(std::move(faq_parts->llm), model_budget);
    faq_parts->generator.llm = faq_parts->llm.get();
  }
  jobs::WorkerPool* faq_pool = nullptr;  // set once the pool exists; wake() runs only after
  faq::FaqJobServiceOptions faq_options;
  faq_options.generator = faq_parts->generator;
  faq_options.max_attempts = settings.faq_jobs.max_attempts;
  const std::function<void()> wake_llm_pool = [&faq_pool] {
    if (faq_pool != nullptr) faq_pool->Wake();
  };
  faq_options.wake = wake_llm_pool;
  // A reader's stream on this node follows generations other nodes run (docs/deploy.md).
  faq_options.follow_interval = std::chrono::seconds(1);
  faq_options.model_budget = &model_budget;
  faq_options.venues = instance.venues.get();
  faq::FaqJobService faq_service(*instance.store, *instance.jobs, *faq_parts->store,
                                 std::move(faq_options));
  // Translations of titles and abstracts ([translate]): llm jobs too, run by the same pool.
  Result<TranslationParts> translation_parts =
      OpenTranslationParts(instance, &translation_model_usage);
  if (!translation_parts) {
    PrintError(translation_parts.error());
    return 1;
  }
  std::optional<translate::TranslationService> translations;
  if (translation_parts->llm) {
    translation_parts->llm =
        std::make_unique<llm::BudgetedLlmClient>(std::move(translation_parts->llm), model_budget);
    translate::TranslationServiceOptions translation_options;
    translation_options.wake = wake_llm_pool;
    translation_options.model_budget = &model_budget;
    translations.emplace(*instance.store, *instance.jobs, *translation_parts->store,
                         *translation_parts->llm, std::move(translation_options));
  }
  jobs::JobRouter llm_jobs;
  llm_jobs.Route(std::string(faq::kFaqJobKeyPrefix), faq_service.Handler());
  if (translations) {
    llm_jobs.Route(std::string(translate::kTranslationJobKeyPrefix),
                   [&translations](const store::Job& job, const jobs::JobContext& context) {
                     return translations->HandleJob(job, context);
                   });
  } else {
    llm_jobs.Refuse(std::string(translate::kTranslationJobKeyPrefix),
                    "this instance no longer translates papers ([translate])");
  }
  jobs::WorkerPool faq_workers(*instance.jobs, llm_jobs.Handler(), settings.faq_jobs);
  faq_pool = &faq_workers;
  faq_workers.Start();

  web::SiteMetrics metrics;  // /metrics; outlives the site and the server that count into it
  web::SiteServices services;
  services.metrics = &metrics;
  services.metrics_token = MetricsToken(settings);
  services.job_queue = instance.jobs.get();
  services.worker_pools = [&arxiv_workers, &pdf_workers, &faq_workers] {
    return std::vector<jobs::WorkerPoolStatus>{arxiv_workers.Status(), pdf_workers.Status(),
                                               faq_workers.Status()};
  };
  if (faq_parts->llm) services.model_usage.push_back({"faq", &faq_model_usage});
  if (translation_parts->llm) services.model_usage.push_back({"translate", &translation_model_usage});
  services.pdf_cache = pdf->cache.get();
  services.faq = &faq_service;
  services.translations = translations ? &*translations : nullptr;
  services.fetch_pdf = pdf::MakeOnDemandPdfFetcher(pdf_fetcher, *instance.jobs, pdf_workers,
                                                   settings.limits.fetches);
  services.fetch_venue_pdf = pdf::MakeOnDemandVenuePdfFetcher(
      pdf_fetcher, *instance.jobs, pdf_workers, settings.limits.fetches);
  services.harvest_state = instance.harvest_state.get();
  services.fetch_paper = harvest::MakeOnDemandPaperFetcher(harvester, *instance.jobs,
                                                           arxiv_workers, settings.limits.fetches);
  services.model_budget_spent = [&model_budget] { return !model_budget.CheckAvailable(); };
  services.admin_token = settings.admin_token;
  if (scheduler) {
    services.harvest_progress = [&instance, &scheduler]() -> Result<HarvestProgress> {
      std::optional<store::JobTime> next_pass;
      if (std::optional<UtcTime> next = scheduler->NextCheck()) next_pass = *next;
      return harvest::ReadHarvestProgress(*instance.jobs, *instance.harvest_state,
                                          instance.config.harvest, next_pass);
    };
  }
  services.venues = instance.venues.get();
  services.status = [&instance, worker_pools = services.worker_pools,
                     venue_store = instance.venues.get()](bool admin) -> Result<std::string> {
    const std::vector<jobs::WorkerPoolStatus> pools = worker_pools();
    web::StatusContext context;
    context.harvest_enabled = instance.config.harvest_enabled;
    context.pools = pools;
    context.now = WallMilliseconds(RealClock());
    context.details = admin;
    context.venues = venue_store;
    return web::RenderStatusJson(*instance.harvest_state, *instance.jobs, context);
  };
  const std::unique_ptr<search::SearchService> search = search::OpenSearchService(
      *instance.store, IndexPath(options.data_dir), instance.venues.get(),
      {.searcher = {.index_map_bytes = static_cast<std::size_t>(options.index_map_mb) << 20},
       .index_cache_bytes = options.index_cache_mb.transform(
           [](int mb) { return static_cast<std::size_t>(mb) << 20; })});
  services.searcher = search->searcher.get();
  // Every page's <body> tells the front end the [FAQ] label and the feedback link ([site]), and
  // whether titles and abstracts can be translated ([translate]).
  web::SiteOptions site_options;
  site_options.frame = {.faq_label = settings.faq_label,
                        .feedback_url = settings.feedback_url,
                        .translation = translations.has_value()};
  site_options.limits = settings.limits.rates;
  site_options.cache.max_bytes = static_cast<size_t>(options.page_cache_mb) * 1024 * 1024;
  web::ServerOptions server_options;
  server_options.page_frame = site_options.frame;
  web::Site site(*instance.store, std::move(site_options), std::move(services));
  metrics.Watch(site.limiter());
  metrics.Watch(site.faq_watchers());
  metrics.Watch(faq_service.live_hub());

  server_options.max_connections = settings.limits.max_connections;
  server_options.max_connections_per_client = settings.limits.max_connections_per_client;
  server_options.uncapped_peers = settings.limits.rates.trusted_proxies;
  server_options.stream_lifetime = settings.limits.stream_lifetime;
  server_options.stream_heartbeat = settings.limits.stream_heartbeat;
  server_options.host = options.host;
  server_options.port = options.port;
  server_options.threads = options.threads;
  server_options.on_rejected = [&metrics](int status) { metrics.RecordServerAnswer(status); };
  // Cached pages and assets on the I/O threads; renders, searches, PDFs and POSTs on workers
  // of lower priority, so strangers' expensive requests do not hold back cached readers.
  server_options.quick = [&site](const web::Request& request) { return site.HandleQuick(request); };
  std::latch stop_begun(1);
  server_options.on_stop = [&stop_begun] { stop_begun.count_down(); };
  Result<std::unique_ptr<web::Server>> server =
      web::Server::Start(server_options, [&site](const web::Request& request) { return site.Handle(request); });
  if (!server) {
    PrintError(server.error());
    return 1;
  }
  metrics.Watch(**server);
  const bool ipv6 = options.host.find(':') != std::string::npos;
  std::fprintf(stderr,
               "coolpapers: serving http://%s%s%s:%u/ (data: %s; harvest %s; FAQ model: %s; "
               "translations: %s)\n",
               ipv6 ? "[" : "", options.host.c_str(), ipv6 ? "]" : "",
               static_cast<unsigned>((*server)->port()), options.data_dir.string().c_str(),
               settings.harvest_enabled ? "on" : "off",
               faq_parts->llm ? faq_parts->llm->model().c_str() : "none, extractive answers",
               translation_parts->llm ? translation_parts->llm->model().c_str() : "off");
  stop_begun.wait();
  // The outside work stops while the server lets its last answers finish: a stalled download
  // or a retry's backoff is cut at once, so serve exits within seconds of SIGTERM whatever the
  // workers were doing (issue #18 finding 8).
  instance.shutdown.request_stop();
  if (scheduler) scheduler->Stop();
  faq_workers.Stop();
  pdf_workers.Stop();
  arxiv_workers.Stop();
  (*server)->Wait();
  std::fprintf(stderr, "coolpapers: stopped\n");
  return 0;
}

}  // namespace coolpapers::cli
