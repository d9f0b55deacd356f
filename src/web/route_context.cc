#include "web/route_context.h"

#include <chrono>
#include <cstdio>
#include <utility>

#include "web/url_codec.h"

namespace coolpapers::web {
namespace {

// Short enough that a reader sees a new day soon after an import, long enough for a reload.
constexpr std::string_view kPageCacheControl = "max-age=60";

}  // namespace

Date RouteContext::Today() const { return UtcToday(*services.clock); }

Response MakePageResponse(std::string_view content_type, std::shared_ptr<const std::string> body) {
  Response response;
  response.content_type = content_type;
  response.body = std::move(body);
  response.headers.emplace_back("Cache-Control", kPageCacheControl);
  response.headers.emplace_back("Vary", "Accept-Encoding");
  return response;
}

Response MakeUncachedResponse(int status, std::string_view content_type, std::string body) {
  Response response;
  response.status = status;
  response.content_type = content_type;
  response.body = std::make_shared<const std::string>(std::move(body));
  response.headers.emplace_back("Cache-Control", "no-store");
  return response;
}

std::string_view CookieValue(std::string_view header, std::string_view name) {
  while (!header.empty()) {
    const size_t end = header.find(';');
    std::string_view pair = header.substr(0, end);
    while (pair.starts_with(' ')) pair.remove_prefix(1);
    if (pair.size() > name.size() && pair.starts_with(name) && pair[name.size()] == '=') {
      return pair.substr(name.size() + 1);
    }
    if (end == std::string_view::npos) break;
    header.remove_prefix(end + 1);
  }
  return {};
}

std::string RequestOrigin(const Request& request) {
  constexpr size_t kMaxHostLength = 255;
  const std::string_view host = request.host;
  if (host.empty() || host.size() > kMaxHostLength) return {};
  for (const char c : host) {
    const bool allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                         (c >= '0' && c <= '9') || c == '.' || c == '-' || c == ':' ||
                         c == '[' || c == ']';
    if (!allowed) return {};
  }
  std::string origin = request.forwarded_proto == "https" ? "https://" : "http://";
  origin += host;
  return origin;
}

std::string TokenOfCookie(std::string_view cookie_header) {
  const std::string_view value = CookieValue(cookie_header, kTokenCookie);
  Result<std::string> decoded = PercentDecode(value, PlusMeans::kSpace);
  return decoded ? *std::move(decoded) : std::string(value);
}

void LogServerError(const Request& request, const Error& error) {
  std::fprintf(stderr, "coolpapers: %.*s %.*s failed: %s (%s)\n",
               static_cast<int>(request.method.size()), request.method.data(),
               static_cast<int>(request.target.size()), request.target.data(),
               error.message.c_str(), error.detail.c_str());
}

bool SameSecret(std::string_view given, std::string_view secret) {
  unsigned char differences = given.size() == secret.size() ? 0 : 1;
  for (size_t i = 0; i < secret.size(); ++i) {
    differences |= static_cast<unsigned char>(secret[i] ^ (i < given.size() ? given[i] : 0));
  }
  return differences == 0;
}

}  // namespace coolpapers::web
