// Backfills history through OAI-PMH (ListRecords, metadataPrefix=arXivRaw) for a date range:
// page after page, each written to the store before its resumptionToken is saved as the
// range's cursor, so an interrupted backfill resumes where it stopped and re-running a
// finished one does nothing.
#ifndef COOLPAPERS_HARVEST_OAI_BACKFILL_H_
#define COOLPAPERS_HARVEST_OAI_BACKFILL_H_

#include <cstdint>
#include <functional>
#include <optional>

#include "core/date.h"
#include "core/error.h"
#include "harvest/harvest_options.h"
#include "net/http_client.h"
#include "store/harvest_state.h"
#include "store/store.h"

namespace coolpapers::harvest {

struct BackfillProgress {
  int64_t pages = 0;
  int64_t papers_written = 0;
  int64_t deleted_seen = 0;
  std::optional<int64_t> complete_list_size;  // when arXiv says
  bool resumed = false;                       // started from a saved cursor
};

using BackfillProgressFn = std::function<void(const BackfillProgress&)>;

// Harvests records changed from `from` to `until` (inclusive). Returns the final progress;
// errors name the URL and what went wrong (the cursor stays, so a re-run resumes).
[[nodiscard]] Result<BackfillProgress> RunOaiBackfill(store::Store& store,
                                                      store::HarvestState& state,
                                                      net::HttpClient& arxiv,
                                                      const HarvestOptions& options, Date from,
                                                      Date until,
                                                      const BackfillProgressFn& progress = {});

}  // namespace coolpapers::harvest

#endif  // COOLPAPERS_HARVEST_OAI_BACKFILL_H_
