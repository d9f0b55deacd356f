// The page for a paper we do not have yet while it is fetched from arXiv: where the fetch
// stands ("Pending: 3"), refreshing itself every few seconds until the paper page replaces it.
#ifndef COOLPAPERS_WEB_PAGES_FETCH_PAGE_H_
#define COOLPAPERS_WEB_PAGES_FETCH_PAGE_H_

#include <string>

#include "core/arxiv_id.h"
#include "web/site_services.h"
#include "web/pages/layout.h"

namespace coolpapers::web {

// Seconds between the page's own reloads. The site sends them as a Refresh header: it works
// without script and stops by itself once the paper page (which has none) is served instead.
inline constexpr int kFetchRefreshSeconds = 3;

// For a queued or running fetch, in the instance's `frame` (layout.h). Thread-safe; all text
// escaped.
std::string RenderFetchPage(const ArxivId& id, const PaperFetch& fetch,
                            const PageFrame& frame);

// The same state for /api/arxiv/<id>: {"id":..., "fetch":{"state":"queued","position":3,...}}.
std::string RenderFetchJson(const ArxivId& id, const PaperFetch& fetch);

// "queued", "running", "stored", "not_found", "failed".
std::string_view PaperFetchStateName(PaperFetch::State state);

}  // namespace coolpapers::web

#endif  // COOLPAPERS_WEB_PAGES_FETCH_PAGE_H_
