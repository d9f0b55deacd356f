// The route table: one entry for each kind of answer the site gives, holding everything the
// router (router.h) and the dispatcher (Site::Handle) need to know about it: its path (exact, or
// a parser that claims and reads it), the methods it takes, where its answers are cached, how its
// errors are shown, and its handler (route_context.h). ParseRoute asks the entries in the table's
// order and the Route it returns names its entry.
//
// Adding a route: one entry in route_table.cc with the declarations of its functions, and one
// handler file (its parser, cache key and handler) in src/web/CMakeLists.txt. Route-level
// policies (rate limits, conditional GET) belong in RouteEntry as fields, read by the
// dispatcher, not in the handlers.
#ifndef COOLPAPERS_WEB_ROUTE_TABLE_H_
#define COOLPAPERS_WEB_ROUTE_TABLE_H_

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "web/http_status.h"
#include "web/rate_limiter.h"
#include "web/route_context.h"
#include "web/router.h"

namespace coolpapers::web {

// Where the dispatcher keeps a route's successful (200) answers.
enum class CachePolicy {
  kNone,         // answered afresh for every request
  kStorePages,   // the site's page cache, dropped when the store's change stamp moves
  kSearchPages,  // the search cache, dropped when the index or the store moves; off (kNone)
                 // on a site without an index
};

// Every parameter of `route` that changes the answer's bytes, so two requests share a cached
// answer exactly when they would get the same one; nullopt when this answer may not be cached
// (a search sorted by stars). The dispatcher adds the entry's name and route.api. `clock` is the
// site's, for keys that hold the time (a search sorted by stars keeps its minute).
using CacheKeyFunction = std::optional<std::string> (*)(const Route& route, Clock& clock);

struct RouteEntry {
  std::string_view name;  // "list", "faq_stream": unique, names the route in cache keys
  // How the router finds the entry's targets: `path`, a decoded path matched exactly ("/healthz",
  // the shared query parameters apply), or else `parse`. Neither: the entry is reached only
  // through another entry's parser (the redirect).
  std::string_view path = {};
  RouteParser parse = nullptr;
  bool accepts_post = false;  // GET and HEAD always; POST as well when set
  CachePolicy cache = CachePolicy::kNone;
  CacheKeyFunction cache_key = nullptr;              // set exactly when cache is not kNone
  std::optional<ErrorFormat> errors = std::nullopt;  // nullopt: JSON under /api/, HTML elsewhere
  // The answer holds absolute links built from the request's Host (RequestOrigin, a feed's):
  // the origin joins its cache key.
  bool keyed_by_origin = false;
  // The client's bucket (rate_limiter.h) a request draws a token from before its handler runs:
  // answers from the page cache are free, and with limit_posts_only only POSTs pay (a GET of
  // the FAQ reads, a POST may queue model calls). The admin token pays nothing.
  LimitClass limit = LimitClass::kNone;
  bool limit_posts_only = false;
  RouteHandler handler = nullptr;                    // never null
};

// Every entry, in the order the router tries them. Static; thread-safe.
std::span<const RouteEntry> RouteEntries();

// The entry called `name`, which must exist: RouteEntryNamed("redirect"). Static.
const RouteEntry& RouteEntryNamed(std::string_view name);

// The methods the entry takes, as the Allow header lists them: "GET, HEAD" or "GET, HEAD, POST".
std::string_view AllowedMethods(const RouteEntry& entry);

// How the entry shows an error for `route`: its own format, else JSON under /api/.
ErrorFormat ErrorFormatFor(const RouteEntry& entry, const Route& route);

// The cache key of `route` in the entry's cache, "list|html|cs.AI|newest|0|25"; nullopt when
// the entry does not cache or the key function declines.
std::optional<std::string> CacheKeyFor(const RouteEntry& entry, const Route& route,
                                       Clock& clock);

}  // namespace coolpapers::web

#endif  // COOLPAPERS_WEB_ROUTE_TABLE_H_
