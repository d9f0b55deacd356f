// /api/token: the magic token kept in an HttpOnly cookie that the server sets, so no page
// script ever reads or writes it (issue #18 finding 10; the settings panel posts it here).
// The entry is in route_table.cc.
#include <string>

#include <nlohmann/json.hpp>

#include "web/http_status.h"
#include "web/route_context.h"
#include "web/url_codec.h"

namespace coolpapers::web {
namespace {

// Chromium's ceiling for a cookie's lifetime: 400 days.
constexpr int kTokenMaxAgeSeconds = 400 * 24 * 3600;

// Secure: sent over HTTPS only (browsers treat http://localhost as secure too); Strict: never
// sent with a request another site starts, so no other page can act as the admin.
std::string TokenCookie(std::string_view encoded_value, int max_age) {
  return std::string(kTokenCookie) + "=" + std::string(encoded_value) +
         "; Path=/; Max-Age=" + std::to_string(max_age) + "; HttpOnly; Secure; SameSite=Strict";
}

Response AdminAnswer(bool admin) {
  return MakeUncachedResponse(200, kJsonType, nlohmann::json{{"admin", admin}}.dump());
}

}  // namespace

// GET: {"admin":true|false}, whether the reader's cookie holds this instance's token (a script
// cannot read the cookie to tell). POST with the token as the body (text/plain): when it is the
// token, 200 {"admin":true} with Set-Cookie (HttpOnly; Secure; SameSite=Strict, 400 days);
// otherwise 403 error JSON and no cookie. POST with an empty body forgets the token (Max-Age=0),
// 200 {"admin":false}. A POST to an instance without a token is a 404 error JSON (a GET says
// false: the settings panel asks on every instance). Never cached.
Result<Response> HandleToken(const RouteContext& context) {
  if (!context.post) return AdminAnswer(context.admin);
  const std::string& token = context.services.admin_token;
  if (token.empty()) {
    return MakeErrorResponse(404, "not_found", "this instance has no magic token", ErrorFormat::kJson);
  }
  const std::string_view given = context.request.body;
  if (given.empty()) {
    Response forgotten = AdminAnswer(false);
    forgotten.headers.emplace_back("Set-Cookie", TokenCookie("", 0));
    return forgotten;
  }
  if (!SameSecret(given, token)) {
    return MakeErrorResponse(403, "forbidden", "that is not this instance's magic token",
                             ErrorFormat::kJson);
  }
  std::string encoded;
  AppendQueryEncoded(encoded, given);
  Response accepted = AdminAnswer(true);
  accepted.headers.emplace_back("Set-Cookie", TokenCookie(encoded, kTokenMaxAgeSeconds));
  return accepted;
}

}  // namespace coolpapers::web
