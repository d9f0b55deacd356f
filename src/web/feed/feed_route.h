// What <list URL>/feed and /arxiv/search/feed answer: the Atom document of the list's day (every
// paper of it) or of a search's first page of results, and the validators (ETag, Last-Modified)
// that let readers ask again with If-None-Match / If-Modified-Since (conditional_get.h).
#ifndef COOLPAPERS_WEB_FEED_FEED_ROUTE_H_
#define COOLPAPERS_WEB_FEED_FEED_ROUTE_H_

#include <string>

#include "core/error.h"
#include "search/searcher.h"
#include "store/harvest_state.h"
#include "store/store.h"
#include "web/http_message.h"
#include "web/page_cache.h"
#include "web/router.h"

namespace coolpapers::web {

// The feed for a route with feed = true: kList (the day asked, or the newest) or kSearch (its
// query, sort, skip and show). `harvest` and `searcher` may be null; a search feed without a
// searcher is kUnavailable. Other errors as LoadListView and LoadSearchView.
[[nodiscard]] Result<std::string> RenderFeedRoute(store::Store& store, store::HarvestState* harvest,
                                                  search::Searcher* searcher, const Route& route);

// ETag (a hash of the body, so equal feeds share it) and Last-Modified (the feed's own
// <updated>) of a feed's body. Computed once per rendering: cached feeds keep them.
PageHeaders FeedValidators(const std::string& body);

}  // namespace coolpapers::web

#endif  // COOLPAPERS_WEB_FEED_FEED_ROUTE_H_
