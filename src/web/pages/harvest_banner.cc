#include "web/pages/harvest_banner.h"

#include "core/timestamp.h"
#include "web/html_escape.h"

namespace coolpapers::web {
namespace {

std::string Categories(int n) { return std::to_string(n) + (n == 1 ? " category" : " categories"); }

}  // namespace

bool HasHarvestBanner(const HarvestProgress& progress) {
  return progress.Filling() || progress.failing > 0;
}

void AppendHarvestBanner(std::string& out, const HarvestProgress& progress) {
  if (progress.Filling()) {
    out += "<p class=\"harvest-progress\" role=\"status\">Harvesting " +
           std::to_string(progress.checked) + " of " + Categories(progress.categories) +
           " from arXiv; each list appears here as soon as it arrives.</p>\n";
  }
  if (progress.failing == 0) return;
  out += "<p class=\"harvest-problem\" role=\"status\">Today's lists could not be fetched for " +
         std::to_string(progress.failing) + " of " + Categories(progress.categories) + ": ";
  AppendHtmlEscaped(out, progress.problem.empty() ? "arXiv could not be read" : progress.problem);
  if (progress.retry_at) {
    // "2025-08-20T01:05:09Z" -> "2025-08-20 01:05 UTC", as the lists' "updated" marks say it.
    const std::string when = FormatRfc3339(*progress.retry_at);
    out += ". Next try at " + when.substr(0, 10) + " " + when.substr(11, 5) + " UTC.</p>\n";
  } else {
    out += ". It is tried again at the next check.</p>\n";
  }
}

}  // namespace coolpapers::web
