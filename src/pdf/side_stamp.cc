#include "pdf/side_stamp.h"

#include <regex>
#include <string>

namespace coolpapers::pdf {
namespace {

bool IsForwardStamp(const std::string& line) {
  // New-style (YYMM.NNNNN) or old-style (archive/YYMMNNN) id, version, primary category, date.
  static const std::regex kStamp(
      R"(^\s*arXiv:\s*(\d{4}\.\d{4,5}|[a-z-]+(\.[A-Z]{2})?/\d{7})v\d+\s*)"
      R"(\[[A-Za-z.-]+\]\s*\d{1,2}\s*[A-Z][a-z]{2}\s*\d{4}\s*$)");
  return std::regex_match(line, kStamp);
}

}  // namespace

bool IsArxivSideStamp(std::string_view line) {
  // Cheap filter first: the pattern runs on every line of every page.
  if (line.size() > 80) return false;
  const bool forward = line.find("arXiv:") != std::string_view::npos;
  const bool backward = line.find(":viXra") != std::string_view::npos;
  if (!forward && !backward) return false;
  std::string text(line);
  if (backward) text.assign(line.rbegin(), line.rend());
  return IsForwardStamp(text);
}

}  // namespace coolpapers::pdf
