// The venue branch's Atom feeds: an edition's papers (/venue/ICLR.2024/feed, and
// /venue/ICLR/feed for the venue's newest edition), and the newest editions of every venue
// (/venue/latest/feed), one entry each. Entry ids are "urn:coolpapers:venue:<id>@<SOURCE>" and
// "urn:coolpapers:venue:<NAME.YEAR>", stable across regenerations; the PDF link is the source's.
#ifndef COOLPAPERS_WEB_FEED_VENUE_FEED_H_
#define COOLPAPERS_WEB_FEED_VENUE_FEED_H_

#include <cstdint>
#include <string>

#include "web/pages/venue_page.h"
#include "web/router.h"

namespace coolpapers::web {

// An edition feed's entries at most: its first papers in source order.
inline constexpr int64_t kVenueFeedPapers = kMaxShow;
// The latest-editions feed's entries at most.
inline constexpr size_t kLatestEditionsInFeed = 50;

// The feed of the view's papers; `self_path` as asked ("/venue/ICLR/feed"), `origin` as
// RequestOrigin. Each entry's <updated> is the edition's date (published, else its last day,
// else its first, else January 1st of its year), so the feed changes only when the papers do.
std::string RenderVenueEditionFeed(const VenueEditionView& view, const std::string& self_path,
                                   const std::string& origin);

// The newest editions first (by that date, then year), each linked to its page with its
// coverage as the summary.
std::string RenderLatestVenuesFeed(const VenueIndexView& index, const std::string& origin);

}  // namespace coolpapers::web

#endif  // COOLPAPERS_WEB_FEED_VENUE_FEED_H_
