#include "web/pages/fetch_page.h"

#include <nlohmann/json.hpp>

#include "web/html_escape.h"
#include "web/pages/layout.h"

namespace coolpapers::web {

std::string_view PaperFetchStateName(PaperFetch::State state) {
  switch (state) {
    case PaperFetch::State::kQueued:
      return "queued";
    case PaperFetch::State::kRunning:
      return "running";
    case PaperFetch::State::kStored:
      return "stored";
    case PaperFetch::State::kNotFound:
      return "not_found";
    case PaperFetch::State::kFailed:
      return "failed";
  }
  return "unknown";
}

std::string RenderFetchPage(const ArxivId& id, const PaperFetch& fetch,
                            const PageFrame& frame) {
  PageHead head;
  head.title = "Fetching " + id.str() + " from arXiv";
  head.meta.emplace_back("robots", "noindex");
  std::string out;
  out.reserve(4096);
  AppendPageStart(out, head, frame);
  out += "<div class=\"fetching\">\n<h1>Fetching <a href=\"https://arxiv.org/abs/";
  AppendHtmlEscaped(out, id.str());
  out += "\">";
  AppendHtmlEscaped(out, id.str());
  out += "</a> from arXiv</h1>\n<p class=\"state\">";
  if (fetch.state == PaperFetch::State::kRunning) {
    out += "Fetching now";
  } else {
    out += "Pending: " + std::to_string(fetch.position);
  }
  if (fetch.attempts > 1) out += " (attempt " + std::to_string(fetch.attempts) + ")";
  out += "</p>\n";
  if (!fetch.error.empty()) {
    out += "<p class=\"last-error\">Last try: ";
    AppendHtmlEscaped(out, fetch.error);
    out += "</p>\n";
  }
  out += "<p>This page reloads itself every " + std::to_string(kFetchRefreshSeconds) +
         " seconds and shows the paper as soon as it is here.</p>\n</div>\n";
  AppendPageEnd(out);
  return out;
}

std::string RenderFetchJson(const ArxivId& id, const PaperFetch& fetch) {
  nlohmann::json json = {{"id", id.str()},
                         {"fetch",
                          {{"state", PaperFetchStateName(fetch.state)},
                           {"position", fetch.position},
                           {"attempts", fetch.attempts},
                           {"error", fetch.error}}}};
  return json.dump();
}

}  // namespace coolpapers::web
