// What the site can do beyond reading the store, handed in by whoever runs it (serve). Each is
// optional: a site without them (tests, a read-only mirror) simply does not offer the feature.
#ifndef COOLPAPERS_WEB_SITE_SERVICES_H_
#define COOLPAPERS_WEB_SITE_SERVICES_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/arxiv_id.h"
#include "core/clock.h"
#include "core/date.h"
#include "core/error.h"
#include "core/harvest_progress.h"
#include "core/model_usage.h"
#include "faq/faq_service.h"
#include "jobs/queued_fetch.h"
#include "jobs/worker_pool.h"
#include "pdf/on_demand_pdf_fetcher.h"
#include "translate/translation_service.h"
#include "search/searcher.h"
#include "store/harvest_state.h"
#include "store/venue_store.h"

namespace coolpapers::pdf {
class PdfCache;
}  // namespace coolpapers::pdf

namespace coolpapers::web {

class SiteMetrics;

// A reader's fetch of a paper we do not have, or of its PDF (jobs/queued_fetch.h).
using jobs::PaperFetch;
using jobs::PaperFetcher;

// The JSON document of /api/status; `admin`: the reader sent the magic token, so the workers'
// error texts may be shown (web/api/status_json.h).
using StatusReporter = std::function<Result<std::string>(bool admin)>;

// How the harvest of today's lists stands (harvest/harvest_progress_reader.h). Called on the
// change watcher's thread every poll (the page cache is dropped when the answer changes) and
// when the home page is rendered; must be thread-safe.
using HarvestProgressReader = std::function<Result<HarvestProgress>()>;

// A model client's counters (llm/metered_llm_client.h), named by what it is used for.
struct NamedModelUsage {
  std::string use;  // "faq", "translate"
  const ModelUsage* usage = nullptr;
};

struct SiteServices {
  store::HarvestState* harvest_state = nullptr;  // "updated" times and incomplete days
  PaperFetcher fetch_paper;                      // /arxiv/<id> for a paper we do not have
  StatusReporter status;                         // /api/status
  HarvestProgressReader harvest_progress;        // the home page's banner; empty: no harvest
  std::string admin_token;                       // the magic token; "" disables it
  search::Searcher* searcher = nullptr;          // /arxiv/search, /api/search
  // /venue/..., /api/venue/... and the home page's venues. Null: the routes answer 501 (venues
  // are kept in the SQLite store only; a PostgreSQL instance has none yet).
  store::VenueStore* venues = nullptr;
  pdf::PdfCache* pdf_cache = nullptr;            // /pdf/<id>: the PDFs this instance serves
  PaperFetcher fetch_pdf;                        // /pdf/<id> for a PDF not cached yet
  pdf::VenuePdfFetcher fetch_venue_pdf;          // /pdf/<id>@<SOURCE> for one not cached yet
  faq::FaqService* faq = nullptr;                // /api/faq/<id>, its stream
  // /api/translations/<ids>; null when no translation service is configured, and the reader's
  // translate setting is then not offered.
  translate::TranslationService* translations = nullptr;
  // /metrics (Prometheus). Without `metrics` the route answers 404 and nothing is counted.
  SiteMetrics* metrics = nullptr;                // the site's own counters, filled by Site
  // Who may read /metrics besides loopback clients that came through no proxy: a request
  // with "Authorization: Bearer <token>". "" for loopback only.
  std::string metrics_token;
  store::JobQueue* job_queue = nullptr;          // the queue's depth by kind and state
  std::function<std::vector<jobs::WorkerPoolStatus>()> worker_pools;  // runs, failures
  std::vector<NamedModelUsage> model_usage;      // calls and tokens of each model client
  // True while the day's model budget (llm/model_budget.h) is spent: FAQ and translation POSTs
  // (the route table's LimitClass::kModel) then get 429 until 00:00 UTC, admins too, since
  // nothing would run. Empty: no budget. Called from any server thread.
  std::function<bool()> model_budget_spent;
  // Today's UTC date, the day a click counts under (/api/clicks), comes from this clock. Tests
  // move it to see "the next day". Not owned; read from any server thread.
  Clock* clock = &RealClock();
};

}  // namespace coolpapers::web

#endif  // COOLPAPERS_WEB_SITE_SERVICES_H_
