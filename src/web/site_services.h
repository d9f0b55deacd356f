// What the site can do beyond reading the store, handed in by whoever runs it (serve). Each is
// optional: a site without them (tests, a read-only mirror) simply does not offer the feature.
#ifndef COOLPAPERS_WEB_SITE_SERVICES_H_
#define COOLPAPERS_WEB_SITE_SERVICES_H_

#include <cstdint>
#include <functional>
#include <string>

#include "core/arxiv_id.h"
#include "core/clock.h"
#include "core/date.h"
#include "core/error.h"
#include "faq/faq_service.h"
#include "jobs/queued_fetch.h"
#include "translate/translation_service.h"
#include "search/searcher.h"
#include "store/harvest_state.h"

namespace coolpapers::pdf {
class PdfCache;
}  // namespace coolpapers::pdf

namespace coolpapers::web {

// A reader's fetch of a paper we do not have, or of its PDF (jobs/queued_fetch.h).
using jobs::PaperFetch;
using jobs::PaperFetcher;

// The JSON document of /api/status.
using StatusReporter = std::function<Result<std::string>()>;

struct SiteServices {
  store::HarvestState* harvest_state = nullptr;  // "updated" times and incomplete days
  PaperFetcher fetch_paper;                      // /arxiv/<id> for a paper we do not have
  StatusReporter status;                         // /api/status
  std::string admin_token;                       // the magic token; "" disables it
  search::Searcher* searcher = nullptr;          // /arxiv/search, /api/search
  pdf::PdfCache* pdf_cache = nullptr;            // /pdf/<id>: the PDFs this instance serves
  PaperFetcher fetch_pdf;                        // /pdf/<id> for a PDF not cached yet
  faq::FaqService* faq = nullptr;                // /api/faq/<id>, its stream
  // /api/translations/<ids>; null when no translation service is configured, and the reader's
  // translate setting is then not offered.
  translate::TranslationService* translations = nullptr;
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
