#include "core/paper.h"

#include <algorithm>
#include <chrono>

namespace coolpapers {

std::string_view AnnounceTypeName(AnnounceType type) {
  switch (type) {
    case AnnounceType::kNew:
      return "new";
    case AnnounceType::kCross:
      return "cross";
    case AnnounceType::kReplace:
      return "replace";
  }
  return "new";
}

namespace {

// "2018-12" from "1812.06145" or "hep-th/9901001" (the YYMM every arXiv id starts with); "" for
// anything else.
std::string IdMonth(std::string_view id) {
  const size_t slash = id.find('/');
  const std::string_view yymm = id.substr(slash == std::string_view::npos ? 0 : slash + 1, 4);
  if (yymm.size() != 4 || !std::ranges::all_of(yymm, [](char c) { return c >= '0' && c <= '9'; })) {
    return {};
  }
  const int yy = (yymm[0] - '0') * 10 + (yymm[1] - '0');
  const int year = yy >= 91 ? 1900 + yy : 2000 + yy;  // arXiv began in 1991
  return std::to_string(year) + "-" + std::string(yymm.substr(2, 2));
}

}  // namespace

std::string CitedDate(const Paper& paper) {
  if (!paper.versions.empty()) {
    return Date(std::chrono::floor<std::chrono::days>(paper.versions.front().submitted)).ToIso();
  }
  const std::string month = IdMonth(paper.id);
  if (!paper.first_listed) return month;
  std::string listed = paper.first_listed->ToIso();
  if (month.empty() || listed.starts_with(month)) return listed;
  return month;
}

}  // namespace coolpapers
