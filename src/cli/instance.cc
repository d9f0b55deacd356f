#include "cli/instance.h"

#include <set>

#include "cli/data_dir.h"
#include "store/sqlite_harvest_state.h"
#include "store/sqlite_job_queue.h"
#include "store/sqlite_store.h"

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
                                               Config config) {
  if (Result<void> made = EnsureDataDir(data_dir); !made) return std::unexpected(made.error());
  auto instance = std::make_unique<Instance>();
  instance->data_dir = data_dir;
  instance->config = std::move(config);
  const std::filesystem::path store_path = StorePath(data_dir);

  Result<std::unique_ptr<store::Store>> store = store::OpenSqliteStore(store_path);
  if (!store) return std::unexpected(store.error());
  instance->store = std::move(*store);
  Result<std::unique_ptr<store::JobQueue>> jobs = store::OpenSqliteJobQueue(store_path);
  if (!jobs) return std::unexpected(jobs.error());
  instance->jobs = std::move(*jobs);
  Result<std::unique_ptr<store::HarvestState>> state = store::OpenSqliteHarvestState(store_path);
  if (!state) return std::unexpected(state.error());
  instance->harvest_state = std::move(*state);

  const Config& c = instance->config;
  instance->http = net::MakeCurlHttpClient(c.http);
  instance->politeness = std::make_unique<net::HostPoliteness>(RealClock());
  SetArxivRules(*instance->politeness, c);
  instance->arxiv =
      std::make_unique<net::PoliteClient>(*instance->http, *instance->politeness, c.retry);
  instance->harvester = std::make_unique<harvest::Harvester>(
      *instance->store, *instance->harvest_state, *instance->jobs, *instance->arxiv, c.harvest);
  return instance;
}

}  // namespace coolpapers::cli
