// Who a request comes from, for the per-client limits (rate_limiter.h, the server's connection
// caps): the peer's address, or, when the peer is a proxy this instance trusts ([limits]
// trusted_proxies), the address that proxy saw. X-Forwarded-For from anyone else is ignored, so
// a stranger cannot pose as many clients by making the header up.
#ifndef COOLPAPERS_WEB_CLIENT_ADDRESS_H_
#define COOLPAPERS_WEB_CLIENT_ADDRESS_H_

#include <span>
#include <string>
#include <string_view>

namespace coolpapers::web {

// `peer` ("203.0.113.7", "::1"), unless it is one of `trusted_proxies`; then the rightmost
// address of `forwarded_for` (the X-Forwarded-For header, "client, proxy1, proxy2") that is
// not a trusted proxy itself: the nearest hop nobody trusted wrote. A header that names only
// trusted proxies, or none, leaves the peer.
std::string ClientAddress(std::string_view peer, std::string_view forwarded_for,
                          std::span<const std::string> trusted_proxies);

}  // namespace coolpapers::web

#endif  // COOLPAPERS_WEB_CLIENT_ADDRESS_H_
