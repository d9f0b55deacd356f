// What every route handler receives, and the handler signature itself. A handler reads the parsed
// route and the request, does its work through the store and the services, and answers a
// Response or an Error; the dispatcher (site.cc) does the rest from the route's entry in the
// route table (route_table.h): methods, page caches and error pages.
#ifndef COOLPAPERS_WEB_ROUTE_CONTEXT_H_
#define COOLPAPERS_WEB_ROUTE_CONTEXT_H_

#include <memory>
#include <string>
#include <string_view>

#include "core/date.h"
#include "core/error.h"
#include "store/store.h"
#include "web/daily_allowance.h"
#include "web/http_message.h"
#include "web/pages/layout.h"
#include "web/router.h"
#include "web/site_services.h"
#include "web/watcher_quota.h"

namespace coolpapers::web {

// One request on its way through a handler. Every reference outlives the handler call; a
// handler that streams (Response::stream) copies what its stream needs.
struct RouteContext {
  const Route& route;
  const Request& request;
  store::Store& store;
  const SiteServices& services;
  const PageFrame& frame;  // every HTML page's, error pages' too (SiteOptions::frame)
  bool post = false;   // the method is POST (only for entries that accept it)
  bool admin = false;  // the reader sent the instance's magic token
  // The client's address (client_address.h), for limits a handler keeps per client.
  std::string_view client = {};
  // Readers one client may count per paper, kind and day (/api/clicks); null: no limit.
  DailyAllowance* click_allowance = nullptr;
  // Places for FAQ event streams (/api/faq/<id>/stream); null: no cap.
  WatcherQuota* faq_watchers = nullptr;

  // The UTC day a click counts under, by services.clock.
  Date Today() const;
};

// Every route's handler, declared next to its entry in route_table.cc. Returns the response to
// send, or an error, which the dispatcher turns into the route's error page (HTML or JSON, status by HttpStatusFor) and logs when it is a
// 5xx. A handler never throws for bad input. Called from any server thread at once.
using RouteHandler = Result<Response> (*)(const RouteContext& context);

// A page readers may keep for a minute: Cache-Control: max-age=60, Vary: Accept-Encoding.
Response MakePageResponse(std::string_view content_type, std::shared_ptr<const std::string> body);
inline Response MakePageResponse(std::string_view content_type, std::string body) {
  return MakePageResponse(content_type, std::make_shared<const std::string>(std::move(body)));
}

// An answer nobody may keep: Cache-Control: no-store.
Response MakeUncachedResponse(int status, std::string_view content_type, std::string body);

// One cookie's value from a Cookie header: CookieValue("a=1; coolpapers_token=xyz",
// "coolpapers_token") is "xyz"; "" when absent.
std::string_view CookieValue(std::string_view header, std::string_view name);

// The cookie that carries the magic token, set by POST /api/token (token_route.cc).
inline constexpr std::string_view kTokenCookie = "coolpapers_token";

// The magic token a Cookie header carries: coolpapers_token's value percent-decoded (the token
// route encodes it, a space as "+"; a value that does not decode is taken as it is); "" when
// absent.
std::string TokenOfCookie(std::string_view cookie_header);

// True when `given` is `secret` (the magic token), compared in a time that depends on the
// secret's length only, not on where a guess first differs: timing cannot spell it out.
bool SameSecret(std::string_view given, std::string_view secret);

// "https://papers.example.org" from the request's Host header (and X-Forwarded-Proto, "http"
// without it), for the absolute links of a feed; "" when the Host is absent or holds anything
// but a host name, an IP address and a port, so a forged header cannot inject markup.
std::string RequestOrigin(const Request& request);

// Writes a failed request to stderr: the error's message and its detail, which never reaches
// the page.
void LogServerError(const Request& request, const Error& error);

}  // namespace coolpapers::web

#endif  // COOLPAPERS_WEB_ROUTE_CONTEXT_H_
