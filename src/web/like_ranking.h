// "Like my stars" on a day's list (issue #15 upgrade 6): sort=like ranks the day by the reader's
// starred papers (stars=<id>,<id>...) and preference keywords (keywords=a,b phrase,c) with the
// search index (search/star_ranker.h). The page, its JSON and its Atom feed (the personal feed
// a feed reader polls) take the same parameters; the site keeps nothing about them, not even a
// cached page.
#ifndef COOLPAPERS_WEB_LIKE_RANKING_H_
#define COOLPAPERS_WEB_LIKE_RANKING_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/arxiv_id.h"
#include "core/error.h"
#include "search/searcher.h"
#include "web/pages/list_page.h"
#include "web/router.h"

namespace coolpapers::web {

// The URL's bounds: at most 100 stars and 20 keywords of at most 60 characters each, so a
// personal feed URL stays under about 1,800 characters.
inline constexpr size_t kMaxStarsInUrl = 100;
inline constexpr size_t kMaxKeywordsInUrl = 20;
inline constexpr size_t kMaxKeywordLength = 60;

// "2503.19786,2505.09388v2": canonical ids, versions and duplicates dropped. Errors:
// kInvalidArgument for a malformed id or more than kMaxStarsInUrl.
[[nodiscard]] Result<std::vector<ArxivId>> ParseStarIds(std::string_view text);

// "speculative decoding,kv cache": comma-separated, trimmed, blank ones dropped. Errors:
// kInvalidArgument for more than kMaxKeywordsInUrl keywords or one longer than kMaxKeywordLength.
[[nodiscard]] Result<std::vector<std::string>> ParsePreferenceKeywords(std::string_view text);

// "sort=like&stars=2503.19786,2505.09388&keywords=speculative+decoding": the route's like
// parameters as a query string (without '?'); "" when the route is not sorted by like.
std::string LikeQuery(const Route& route);

// Ranks `view` by route.stars and route.keywords: `view` must hold the whole day (skip 0, every
// card); afterwards it holds the slice route.skip, route.show of the ranked day. Errors:
// kUnavailable without a searcher (the site has no index yet), the index's errors.
[[nodiscard]] Result<void> RankListView(search::Searcher* searcher, const Route& route,
                                        ListView& view);

}  // namespace coolpapers::web

#endif  // COOLPAPERS_WEB_LIKE_RANKING_H_
