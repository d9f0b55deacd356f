#include "web/watcher_quota.h"

#include <memory>
#include <vector>

#include <gtest/gtest.h>

namespace coolpapers::web {
namespace {

// Issue #18 finding 2: streams are capped per client and per paper, and a place comes back when
// its stream ends.
TEST(WatcherQuota, CapsPerClientAndPerPaperAndGivesPlacesBack) {
  auto quota = std::make_shared<WatcherQuota>(/*per_paper=*/3, /*per_client=*/2);
  std::vector<std::shared_ptr<void>> held;
  held.push_back(quota->Acquire("a", "p1").value());
  held.push_back(quota->Acquire("a", "p2").value());
  Result<std::shared_ptr<void>> third = quota->Acquire("a", "p3");
  ASSERT_FALSE(third);
  EXPECT_EQ(third.error().message,
            "too many FAQ streams are open from your address (2): close some of them and try "
            "again");
  held.push_back(quota->Acquire("b", "p1").value());
  held.push_back(quota->Acquire("c", "p1").value());
  Result<std::shared_ptr<void>> crowded = quota->Acquire("d", "p1");
  ASSERT_FALSE(crowded);
  EXPECT_NE(crowded.error().message.find("this paper's FAQ"), std::string::npos);
  EXPECT_EQ(quota->held(), 4);
  held.erase(held.begin());  // a's stream on p1 ended
  EXPECT_EQ(quota->held(), 3);
  EXPECT_TRUE(quota->Acquire("d", "p1"));  // the temporary ticket is given back at once
  EXPECT_TRUE(quota->Acquire("a", "p3"));
  EXPECT_EQ(quota->held(), 3);
}

TEST(WatcherQuota, ATicketMayOutliveItsOwner) {
  auto quota = std::make_shared<WatcherQuota>(1, 1);
  std::shared_ptr<void> ticket = quota->Acquire("a", "p").value();
  quota.reset();
  ticket.reset();  // releases into the quota the ticket kept alive
}

}  // namespace
}  // namespace coolpapers::web
