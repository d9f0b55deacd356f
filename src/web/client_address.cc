#include "web/client_address.h"

#include <algorithm>

#include "core/whitespace.h"

namespace coolpapers::web {
namespace {

bool Trusted(std::string_view address, std::span<const std::string> trusted_proxies) {
  return std::ranges::find(trusted_proxies, address) != trusted_proxies.end();
}

}  // namespace

std::string ClientAddress(std::string_view peer, std::string_view forwarded_for,
                          std::span<const std::string> trusted_proxies) {
  if (!Trusted(peer, trusted_proxies)) return std::string(peer);
  std::string_view rest = forwarded_for;
  while (!rest.empty()) {
    const size_t comma = rest.rfind(',');
    const std::string_view hop =
        TrimWhitespace(comma == std::string_view::npos ? rest : rest.substr(comma + 1));
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(0, comma);
    if (!hop.empty() && !Trusted(hop, trusted_proxies)) return std::string(hop);
  }
  return std::string(peer);
}

}  // namespace coolpapers::web
