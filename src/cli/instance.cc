#include "cli/instance.h"

#include <set>

#include "cli/data_dir.h"

namespace coolpapers::cli {
namespace {

// arXiv asks for one request every few seconds and a single connection for its legacy APIs;
// every host the harvester talks to gets that rule (in tests they are all one loopback host).
void SetArxivRules(net::HostPoliteness& politeness, const Config& config) {
  std::set<std::string> hosts;
  for (const std::string& url :
       {config.harvest.feed_base_url, config.harvest.api_url, config.harvest.oai_url}) {
    if (std::string host = net::HostOf(url); !host.empty()) hosts.insert(host);
  }
  for (const std::string& host : hosts) {
    politeness.SetRule(host, net::HostRule{config.arxiv_min_interval, /*single_connection=*/true});
  }
}

}  // namespace

Result<std::unique_ptr<Instance>> OpenInstance(const std::filesystem::path& data_dir,
                                               Config config, StoreAccess access) {
  auto instance = std::make_unique<Instance>();
  instance->data_dir = data_dir;
  instance->config = std::move(config);
  Result<store::StoreLocation> location = StoreLocationOf(data_dir, instance->config.store_url);
  if (!location) return std::unexpected(location.error());
  if (Result<void> ready = PrepareStore(data_dir, *location, access); !ready) {
    return std::unexpected(ready.error());
  }
  instance->store_location = *location;

  Result<std::unique_ptr<store::Store>> store = store::OpenStoreAt(*location);
  if (!store) return std::unexpected(store.error());
  instance->store = std::move(*store);
  Result<std::unique_ptr<store::JobQueue>> jobs = store::OpenJobQueueAt(*location);
  if (!jobs) return std::unexpected(jobs.error());
  instance->jobs = std::move(*jobs);
  Result<std::unique_ptr<store::HarvestState>> state = store::OpenHarvestStateAt(*location);
  if (!state) return std::unexpected(state.error());
  instance->harvest_state = std::move(*state);
  Result<std::unique_ptr<store::VenueStore>> venues = store::OpenVenueStoreAt(*location);
  if (!venues) return std::unexpected(venues.error());
  instance->venues = std::move(*venues);

  const Config& c = instance->config;
  net::CurlHttpClientOptions http = c.http;
  http.stop = instance->shutdown.get_token();
  instance->http = net::MakeCurlHttpClient(std::move(http));
  instance->clock = std::make_unique<StoppableClock>(RealClock(), instance->shutdown.get_token());
  instance->politeness = std::make_unique<net::HostPoliteness>(*instance->clock);
  SetArxivRules(*instance->politeness, c);
  instance->arxiv = std::make_unique<net::PoliteClient>(*instance->http, *instance->politeness,
                                                        c.retry, *instance->clock);
  instance->harvester = std::make_unique<harvest::Harvester>(
      *instance->store, *instance->harvest_state, *instance->jobs, *instance->arxiv, c.harvest);
  harvest::VenueHarvestOptions venue_options;
  venue_options.work_dir = data_dir / "venue-fetch";
  venue_options.openreview = c.openreview;
  harvest::SetVenueHostRules(*instance->politeness, venue_options);
  instance->venue_harvester = std::make_unique<harvest::VenueHarvester>(
      *instance->arxiv, *instance->venues, *instance->jobs, std::move(venue_options));
  return instance;
}

Result<std::unique_ptr<Instance>> LoadAndOpenInstance(
    const std::filesystem::path& data_dir, const std::optional<std::filesystem::path>& config_file,
    const std::string& store, const std::function<void(Config&)>& adjust, StoreAccess access) {
  Result<Config> config = LoadConfig(config_file, data_dir);
  if (!config) return std::unexpected(config.error());
  if (adjust) adjust(*config);
  if (!store.empty()) config->store_url = store;  // --store wins
  return OpenInstance(data_dir, *std::move(config), access);
}

}  // namespace coolpapers::cli
