// /api/related/<id>: the papers most related to one paper ([REL] on its card) and the keywords
// that relate them, which the front end also uses for preference sorting and the word cloud.
#ifndef COOLPAPERS_WEB_RELATED_ROUTE_H_
#define COOLPAPERS_WEB_RELATED_ROUTE_H_

#include <string>

#include "core/error.h"
#include "search/searcher.h"
#include "store/store.h"
#include "web/router.h"

namespace coolpapers::web {

// {"id", "keywords": [...], "papers": [...]} for `route` (kRelated), at most route.show
// papers. kUnavailable without an index (`searcher` null), kNotFound for a paper the index does
// not hold; store and index errors pass through.
[[nodiscard]] Result<std::string> RenderRelatedRoute(store::Store& store,
                                                     search::Searcher* searcher,
                                                     const Route& route);

}  // namespace coolpapers::web

#endif  // COOLPAPERS_WEB_RELATED_ROUTE_H_
