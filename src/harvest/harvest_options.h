// What the harvester harvests and where from. Every URL is configurable so tests (and mirrors)
// can point it at a loopback server.
#ifndef COOLPAPERS_HARVEST_HARVEST_OPTIONS_H_
#define COOLPAPERS_HARVEST_HARVEST_OPTIONS_H_

#include <chrono>
#include <string>
#include <vector>

#include "core/clock.h"

namespace coolpapers::harvest {

// Every cs category plus stat.ML: the default for a new instance.
std::vector<std::string> DefaultHarvestCategories();

struct HarvestOptions {
  std::vector<std::string> categories = DefaultHarvestCategories();
  // The feed of category c is feed_base_url + c: "https://rss.arxiv.org/atom/cs.AI".
  std::string feed_base_url = "https://rss.arxiv.org/atom/";
  // The export API: api_url + "?id_list=...&max_results=...".
  std::string api_url = "https://export.arxiv.org/api/query";
  // OAI-PMH: oai_url + "?verb=ListRecords&metadataPrefix=arXivRaw&from=...".
  std::string oai_url = "https://oaipmh.arxiv.org/oai";
  int api_batch_size = 100;  // ids per export API call (arXiv allows up to 2,000)

  // Polling: from the announcement (20:00 US Eastern, Sunday to Thursday) for `window`, every
  // `poll_interval` until each category shows its new day; outside the window every
  // `idle_poll_interval`, so an unannounced update (a "holiday" that was not) is still found.
  std::chrono::milliseconds poll_interval{std::chrono::minutes(5)};
  std::chrono::milliseconds idle_poll_interval{std::chrono::minutes(60)};
  std::chrono::milliseconds window{std::chrono::hours(8)};
  // An incomplete day (the API lagging the feed) is looked at again after this long.
  std::chrono::milliseconds incomplete_retry{std::chrono::minutes(10)};

  // Job and day times, and when the scheduler polls. Not owned; must outlive the harvester.
  Clock* clock = &RealClock();
};

}  // namespace coolpapers::harvest

#endif  // COOLPAPERS_HARVEST_HARVEST_OPTIONS_H_
