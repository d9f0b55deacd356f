// An open coolpapers instance: the data folder's store, job queue, harvest state and venues, the polite
// arXiv client and the harvester, built once from the configuration. Every command that does
// more than read the store starts here, so they all share one wiring.
#ifndef COOLPAPERS_CLI_INSTANCE_H_
#define COOLPAPERS_CLI_INSTANCE_H_

#include <filesystem>
#include <string>
#include <optional>
#include <functional>
#include <memory>
#include <stop_token>

#include "cli/config_file.h"
#include "cli/data_dir.h"
#include "cli/print_error.h"
#include "core/error.h"
#include "harvest/harvester.h"
#include "harvest/venue_harvester.h"
#include "net/host_politeness.h"
#include "net/http_client.h"
#include "net/polite_client.h"
#include "core/stoppable_clock.h"
#include "store/harvest_state.h"
#include "store/job_queue.h"
#include "store/store.h"
#include "store/store_location.h"
#include "store/venue_store.h"

namespace coolpapers::cli {

struct Instance {
  Config config;
  std::filesystem::path data_dir;
  store::StoreLocation store_location;  // config.store_url, or DATA/coolpapers.sqlite
  std::unique_ptr<store::Store> store;
  std::unique_ptr<store::JobQueue> jobs;
  std::unique_ptr<store::HarvestState> harvest_state;
  // Requested when the program stops (serve: SIGTERM): cuts outside transfers under way and
  // ends the polite client's waits, so stopping never waits on arXiv.
  std::stop_source shutdown;
  std::unique_ptr<StoppableClock> clock;  // the real clock, whose sleeps `shutdown` ends
  std::unique_ptr<net::HttpClient> http;           // libcurl, with the configured User-Agent
  std::unique_ptr<net::HostPoliteness> politeness;  // arXiv's hosts get config.arxiv_min_interval
  std::unique_ptr<net::PoliteClient> arxiv;         // every arXiv request goes through it
  std::unique_ptr<harvest::Harvester> harvester;
  std::unique_ptr<store::VenueStore> venues;
  // Venue fetches ("venue:<edition>" jobs), through the same polite client; downloads go to
  // DATA/venue-fetch.
  std::unique_ptr<harvest::VenueHarvester> venue_harvester;
};

// Creates the data folder if needed (kCreate; kExisting: PrepareStore's check) and opens
// everything in it, the store where config.store_url says (StoreLocationOf). Errors carry a
// message for the terminal (the store's own, or the folder's).
[[nodiscard]] Result<std::unique_ptr<Instance>> OpenInstance(
    const std::filesystem::path& data_dir, Config config,
    StoreAccess access = StoreAccess::kCreate);

// Loads the configuration (`config_file`, else DATA/coolpapers.toml when present), puts `store`
// (--store) over [store] url when given, lets `adjust` apply the command's own flags (serve's
// --harvest, --no-harvest), and opens the instance. Errors: LoadConfig's and OpenInstance's.
[[nodiscard]] Result<std::unique_ptr<Instance>> LoadAndOpenInstance(
    const std::filesystem::path& data_dir, const std::optional<std::filesystem::path>& config_file,
    const std::string& store, const std::function<void(Config&)>& adjust = {},
    StoreAccess access = StoreAccess::kCreate);

}  // namespace coolpapers::cli

#endif  // COOLPAPERS_CLI_INSTANCE_H_
