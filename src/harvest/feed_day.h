// One category's announcement feed reduced to what the harvester records for the day: each
// listed paper once, in arXiv's order, and arXiv's own counts per announce type.
#ifndef COOLPAPERS_HARVEST_FEED_DAY_H_
#define COOLPAPERS_HARVEST_FEED_DAY_H_

#include <cstdint>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/error.h"
#include "ingest/arxiv_feed_parser.h"
#include "net/http_client.h"
#include "store/harvest_state.h"

namespace coolpapers::harvest {

struct FeedDay {
  std::string category;  // canonical id the listings are stored under
  Date day;
  // Each paper once, in feed order. A paper the feed lists twice keeps its best announce type
  // (new before cross before replace), as the store keeps it.
  std::vector<ingest::AnnouncementEntry> entries;
  store::AnnounceCounts counts;  // distinct papers per announce type
  int64_t repeated = 0;          // entries that listed an already listed paper again
};

// Reduces a parsed feed (pure). `category` must be canonical.
FeedDay MakeFeedDay(std::string category, ingest::AnnouncementFeed feed);

// GETs and parses the feed at `url`. Errors: FetchDocument's, and the parser's kCorrupt
// (truncated or malformed XML, naming the URL and the byte offset). Thread-safe.
[[nodiscard]] Result<ingest::AnnouncementFeed> FetchAnnouncementFeed(net::HttpClient& client,
                                                                     const std::string& url);

}  // namespace coolpapers::harvest

#endif  // COOLPAPERS_HARVEST_FEED_DAY_H_
