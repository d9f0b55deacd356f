#include "web/pages/harvest_mark.h"

#include <algorithm>

#include "core/timestamp.h"
#include "web/html_escape.h"

namespace coolpapers::web {

std::optional<HarvestMark> CombineHarvestMarks(std::span<const store::CategoryDayStatus> statuses) {
  if (statuses.empty()) return std::nullopt;
  HarvestMark mark;
  mark.day = statuses.front().day;
  for (const store::CategoryDayStatus& status : statuses) {
    mark.checked = std::max(mark.checked, status.checked);
    if (status.complete) continue;
    mark.complete = false;
    if (!mark.note.empty()) mark.note += "; ";
    // One category needs no prefix: the page already names it.
    if (statuses.size() > 1) mark.note += status.category + ": ";
    mark.note += status.note.empty() ? "not reconciled with arXiv yet" : status.note;
  }
  return mark;
}

void AppendHarvestMark(std::string& out, const HarvestMark& mark) {
  // "2025-08-20T01:05:09Z" -> "2025-08-20 01:05 UTC": minutes are what a reader cares about.
  const std::string when = FormatRfc3339(mark.checked);
  out += "<span class=\"updated\" title=\"" + when + "\">updated " + when.substr(0, 10) + " " +
         when.substr(11, 5) + " UTC</span>";
  if (mark.complete) return;
  out += " <span class=\"incomplete\" title=\"";
  AppendHtmlEscaped(out, mark.note);
  out += "\">incomplete: ";
  AppendHtmlEscaped(out, mark.note);
  out += "</span>";
}

}  // namespace coolpapers::web
