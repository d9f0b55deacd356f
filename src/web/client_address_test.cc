#include "web/client_address.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace coolpapers::web {
namespace {

const std::vector<std::string> kProxies = {"127.0.0.1", "10.0.0.2"};

// Issue #18 finding 1: X-Forwarded-For is the client only when a trusted proxy sent it.
TEST(ClientAddress, BelievesForwardedForOnlyFromTrustedProxies) {
  EXPECT_EQ(ClientAddress("203.0.113.7", "198.51.100.1", kProxies), "203.0.113.7");
  EXPECT_EQ(ClientAddress("203.0.113.7", "", {}), "203.0.113.7");
  EXPECT_EQ(ClientAddress("127.0.0.1", "198.51.100.1", kProxies), "198.51.100.1");
  EXPECT_EQ(ClientAddress("127.0.0.1", "", kProxies), "127.0.0.1");
}

// The leftmost entries are whatever the client wrote; the nearest untrusted hop is the one a
// trusted proxy saw.
TEST(ClientAddress, TakesTheNearestHopNoTrustedProxyWrote) {
  EXPECT_EQ(ClientAddress("127.0.0.1", "6.6.6.6, 198.51.100.1", kProxies), "198.51.100.1");
  EXPECT_EQ(ClientAddress("127.0.0.1", "6.6.6.6, 198.51.100.1 , 10.0.0.2", kProxies),
            "198.51.100.1");
  EXPECT_EQ(ClientAddress("127.0.0.1", "10.0.0.2, ,", kProxies), "127.0.0.1");
}

}  // namespace
}  // namespace coolpapers::web
