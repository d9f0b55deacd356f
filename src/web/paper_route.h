// /arxiv/<id>[,<id>...] and /api/arxiv/<ids>: papers by arXiv id, as a page or JSON. A single
// paper the store lacks is fetched from arXiv when the site offers it (SiteServices::fetch_paper):
// the reader gets a 202 page that refreshes itself until the paper is in.
#ifndef COOLPAPERS_WEB_PAPER_ROUTE_H_
#define COOLPAPERS_WEB_PAPER_ROUTE_H_

#include <optional>
#include <string>

#include "core/error.h"
#include "web/http_message.h"
#include "web/route_context.h"
#include "web/router.h"

namespace coolpapers::web {

// The papers of route.ids. For one paper the store lacks, with fetch_paper set: 202 with the
// fetch's state (Refresh header, no-store), 404 when arXiv has no such paper, 503 when arXiv
// cannot be reached, or the page when the paper arrived meanwhile. Errors: kNotFound for
// papers the store lacks (several, or no fetcher); the store's and the fetcher's errors.
[[nodiscard]] Result<Response> HandlePapers(const RouteContext& context);

// The ids, in the route's (canonical) order.
std::optional<std::string> PapersCacheKey(const Route& route);

}  // namespace coolpapers::web

#endif  // COOLPAPERS_WEB_PAPER_ROUTE_H_
