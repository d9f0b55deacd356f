#include "harvest/feed_day.h"

#include <unordered_map>

#include "harvest/fetch_document.h"

namespace coolpapers::harvest {
namespace {

void Count(store::AnnounceCounts& counts, AnnounceType type, int64_t delta) {
  switch (type) {
    case AnnounceType::kNew: counts.new_count += delta; break;
    case AnnounceType::kCross: counts.cross += delta; break;
    case AnnounceType::kReplace: counts.replace += delta; break;
  }
}

}  // namespace

FeedDay MakeFeedDay(std::string category, ingest::AnnouncementFeed feed) {
  FeedDay day{std::move(category), feed.day, {}, {}, 0};
  std::unordered_map<std::string, size_t> index_of;
  for (ingest::AnnouncementEntry& entry : feed.entries) {
    const auto [it, inserted] = index_of.try_emplace(entry.paper.id, day.entries.size());
    if (inserted) {
      Count(day.counts, entry.type, 1);
      day.entries.push_back(std::move(entry));
      continue;
    }
    // arXiv has listed a replaced paper twice in one mailing; it is one paper of the day.
    ++day.repeated;
    ingest::AnnouncementEntry& kept = day.entries[it->second];
    if (entry.type < kept.type) {
      Count(day.counts, kept.type, -1);
      Count(day.counts, entry.type, 1);
      kept.type = entry.type;
      kept.announce_type = entry.announce_type;
    }
  }
  return day;
}

Result<ingest::AnnouncementFeed> FetchAnnouncementFeed(net::HttpClient& client,
                                                       const std::string& url) {
  auto body = FetchDocument(client, url);
  if (!body) return std::unexpected(std::move(body.error()));
  return ingest::ParseAnnouncementFeed(*body, url);
}

}  // namespace coolpapers::harvest
