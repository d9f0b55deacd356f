// The pages read straight from the store: the home page, a category expression's day list
// (HTML, its cards-only fragment, or JSON) and the calendar of days with listings. Each comes
// with the cache key of its parameters; the route table keeps them in the store's page cache.
#ifndef COOLPAPERS_WEB_PAGE_ROUTES_H_
#define COOLPAPERS_WEB_PAGE_ROUTES_H_

#include <optional>
#include <string>

#include "core/error.h"
#include "web/http_message.h"
#include "web/route_context.h"
#include "web/router.h"

namespace coolpapers::web {

// /: the categories with their newest days. Errors: the store's.
[[nodiscard]] Result<Response> HandleHome(const RouteContext& context);

// /arxiv/<expr>, /api/arxiv/<expr>: the day asked (or the newest) of route.expr, skip and show
// applied. Errors: the store's; kNotFound for a day without listings.
[[nodiscard]] Result<Response> HandleList(const RouteContext& context);
// The list's parameters: expression, day, skip, show, and fragment (HTML only).
std::optional<std::string> ListCacheKey(const Route& route);

// /api/days/<expr>: the days with listings for route.expr, JSON. Errors: the store's.
[[nodiscard]] Result<Response> HandleDays(const RouteContext& context);
// The expression.
std::optional<std::string> DaysCacheKey(const Route& route);

// For pages without parameters (the home page): "".
std::optional<std::string> NoParameters(const Route& route);

}  // namespace coolpapers::web

#endif  // COOLPAPERS_WEB_PAGE_ROUTES_H_
