// Reads the announcement feeds of rss.arxiv.org/atom/<cat>[+<cat>...]: one entry per paper
// listed in the day's mailing, in arXiv's order, with how it was announced (new, cross,
// replace, replace-cross) and the metadata the entry carries.
#ifndef COOLPAPERS_INGEST_ARXIV_FEED_PARSER_H_
#define COOLPAPERS_INGEST_ARXIV_FEED_PARSER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/error.h"
#include "core/paper.h"

namespace coolpapers::ingest {

struct AnnouncementEntry {
  // id and version, title, authors, abstract, categories (the entry's order) and license.
  // The feed has no comments, journal-ref, DOI or version dates.
  Paper paper;
  AnnounceType type = AnnounceType::kNew;  // replace and replace-cross are both kReplace
  std::string announce_type;               // as arXiv wrote it: "new", "replace-cross", ...
  int64_t position = 0;                    // 0-based order in the feed
};

struct AnnouncementFeed {
  std::string feed_id;  // the feed's <id>: "http://rss.arxiv.org/atom/cs.AI"
  Date day;             // the announcement day, from the feed's <updated> ("2025-08-20T04:00…")
  std::vector<AnnouncementEntry> entries;
};

// Parses one feed document. `source` names it in errors (the URL or file name). A feed with no
// entries (weekends, holidays) is valid. Errors: kCorrupt for malformed or truncated XML, naming
// `source` and the byte offset; kCorrupt for a document that is not an Atom feed or lacks its
// <updated> day; kCorrupt naming the entry for an entry without a valid arXiv id, a known
// category or a known announce type. Either the whole feed or an error: nothing partial.
// Pure; thread-safe.
[[nodiscard]] Result<AnnouncementFeed> ParseAnnouncementFeed(std::string_view xml,
                                                             std::string_view source);

}  // namespace coolpapers::ingest

#endif  // COOLPAPERS_INGEST_ARXIV_FEED_PARSER_H_
