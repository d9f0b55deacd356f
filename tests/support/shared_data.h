// Where ../shared (the team's real arXiv data, beside the checkout) is. Tests that read it call
// COOLPAPERS_REQUIRE_SHARED_DATA() first, which skips the test with a clear message when the
// folder is absent.
#ifndef COOLPAPERS_TESTS_SUPPORT_SHARED_DATA_H_
#define COOLPAPERS_TESTS_SUPPORT_SHARED_DATA_H_

#include <filesystem>
#include <optional>

#include <gtest/gtest.h>

namespace coolpapers::testing {

// $COOLPAPERS_SHARED_DIR/data when that folder exists (CTest sets the variable), else nullopt.
std::optional<std::filesystem::path> SharedDataDir();

}  // namespace coolpapers::testing

#define COOLPAPERS_REQUIRE_SHARED_DATA(var)                                              \
  auto var##_opt = ::coolpapers::testing::SharedDataDir();                                \
  if (!var##_opt) GTEST_SKIP() << "needs ../shared/data beside the checkout (not found)"; \
  const std::filesystem::path var = *var##_opt

#endif  // COOLPAPERS_TESTS_SUPPORT_SHARED_DATA_H_
