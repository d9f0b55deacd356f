// What <list URL>/feed and /arxiv/search/feed answer: the Atom document of the list's day (every
// paper of it) or of a search's first page of results, and the validators (ETag, Last-Modified)
// that let readers ask again with If-None-Match / If-Modified-Since (conditional_get.h).
#ifndef COOLPAPERS_WEB_FEED_FEED_ROUTE_H_
#define COOLPAPERS_WEB_FEED_FEED_ROUTE_H_

#include <string>

#include "core/error.h"
#include "web/http_message.h"
#include "web/page_cache.h"
#include "web/route_context.h"

namespace coolpapers::web {

// The feed for a route with feed = true: kList (the day asked, or the newest) or kSearch (its
// query, sort, skip and show), as Atom, cacheable for a minute, with its validators
// (FeedValidators). services.harvest_state and services.searcher may be null; a search feed
// without a searcher is kUnavailable. Other errors as LoadListView and LoadSearchView.
[[nodiscard]] Result<Response> HandleFeed(const RouteContext& context);

// ETag (a hash of the body, so equal feeds share it) and Last-Modified (the feed's own
// <updated>) of a feed's body. Computed once per rendering: cached feeds keep them.
PageHeaders FeedValidators(const std::string& body);

}  // namespace coolpapers::web

#endif  // COOLPAPERS_WEB_FEED_FEED_ROUTE_H_
