// What <list URL>/feed and /arxiv/search/feed answer: the Atom document of the list's day (every
// paper of it) or of a search's first page of results, and the validators (ETag, Last-Modified)
// that let readers ask again with If-None-Match / If-Modified-Since (conditional_get.h). The
// handlers, HandleListFeed and HandleSearchFeed, are declared with their entries in
// route_table.cc.
#ifndef COOLPAPERS_WEB_FEED_FEED_ROUTE_H_
#define COOLPAPERS_WEB_FEED_FEED_ROUTE_H_

#include <string>

#include "web/http_message.h"
#include "web/page_cache.h"

namespace coolpapers::web {

// ETag (a hash of the body, so equal feeds share it) and Last-Modified (the feed's own
// <updated>) of a feed's body. Computed once per rendering: cached feeds keep them.
PageHeaders FeedValidators(const std::string& body);

// A feed's answer: Atom, cacheable for a minute, with its validators. For every feed route
// (the venue feeds' too).
Response FeedResponse(std::string body);

}  // namespace coolpapers::web

#endif  // COOLPAPERS_WEB_FEED_FEED_ROUTE_H_
