// Harvesting conference proceedings from their live sources (issue #14 point 3), as jobs: `coolpapers
// venue fetch ICLR.2025` queues "venue:ICLR.2025" (arxiv kind, admin priority) and serve's arXiv
// workers run it through the polite client. A job downloads the edition in its source's own
// format (venue_catalog.h: ACL collection XML and yaml, PMLR BibTeX and _config.yml, OpenReview
// API v2 pages, AAAI OAI-PMH pages) into a folder of its own, then imports those files through
// the venue import (ingest/venue/venue_importer.h), which merges by id: running it again, or
// after a crash halfway, ends with the same store.
#ifndef COOLPAPERS_HARVEST_VENUE_HARVESTER_H_
#define COOLPAPERS_HARVEST_VENUE_HARVESTER_H_

#include <chrono>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>

#include "core/error.h"
#include "harvest/venue_catalog.h"
#include "ingest/venue/venue_importer.h"
#include "jobs/job_outcome.h"
#include "jobs/worker_pool.h"
#include "net/host_politeness.h"
#include "net/http_client.h"
#include "store/job_queue.h"
#include "store/venue_store.h"

namespace coolpapers::harvest {

inline constexpr std::string_view kVenueJobKeyPrefix = "venue:";

// OpenReview has required a login since 2026. The password is sent to the login endpoint only,
// and appears in no error, log line or job result.
struct OpenReviewCredentials {
  std::string username;
  std::string password;
  bool Complete() const { return !username.empty() && !password.empty(); }
};

// What to tell a user who has no OpenReview credentials (doctor, a failed job).
std::string MissingOpenReviewCredentials();

struct VenueHarvestOptions {
  // Downloads go to work_dir/<edition>/ and are removed once imported.
  std::filesystem::path work_dir = "var/venue-fetch";
  OpenReviewCredentials openreview;
  // Origins of the catalogue's URLs replaced by others ("https://api2.openreview.net" ->
  // "http://127.0.0.1:8123"): tests point the harvester at a loopback replay server.
  std::map<std::string, std::string> origins;
  int openreview_page_size = 1000;  // notes per API page (the API's maximum)
  int max_pages = 2000;             // a source that never ends its paging is an error
};

// AAAI's OJS asks for 3 s between requests; the other venue hosts get 1 s. One connection each.
inline constexpr std::chrono::seconds kOjsRequestInterval{3};
inline constexpr std::chrono::seconds kVenueRequestInterval{1};

// Gives the hosts of the catalogue's URLs (through options.origins) their rules on
// `politeness`, the instance's, shared with arXiv.
void SetVenueHostRules(net::HostPoliteness& politeness, const VenueHarvestOptions& options);

class VenueHarvester {
 public:
  // `client` is the polite client; every argument must outlive the harvester. Thread-safe.
  VenueHarvester(net::HttpClient& client, store::VenueStore& venues, store::JobQueue& queue,
                 VenueHarvestOptions options);

  // Queues the fetch of edition `tag` at admin priority; a finished fetch is queued again.
  // Errors: FindKnownVenueEdition's kNotFound (naming the known editions); kInvalidArgument
  // for an OpenReview edition without credentials (MissingOpenReviewCredentials); the queue's.
  [[nodiscard]] Result<store::Job> Request(std::string_view tag, store::JobTime now);

  // The handler of "venue:<tag>" jobs: Harvest, done with a summary, retried when the source
  // is unavailable, failed for good otherwise.
  jobs::JobOutcome RunJob(const store::Job& job, const jobs::JobContext& context);

  // Downloads edition `tag` and imports it. Errors: FindKnownVenueEdition's; the source's
  // (kUnavailable, kTimeout: try later; kNotFound, kInvalidArgument for a refusal, each naming
  // the URL); kCorrupt for an answer that does not read; the import's. Stops early with
  // kUnavailable when `stop` is requested.
  [[nodiscard]] Result<ingest::VenueImportSummary> Harvest(std::string_view tag,
                                                           std::stop_token stop = {});

 private:
  net::HttpClient& client_;
  store::VenueStore& venues_;
  store::JobQueue& queue_;
  const VenueHarvestOptions options_;
};

}  // namespace coolpapers::harvest

#endif  // COOLPAPERS_HARVEST_VENUE_HARVESTER_H_
