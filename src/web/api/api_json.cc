#include "web/api/api_json.h"

#include <cassert>
#include <optional>

#include <nlohmann/json.hpp>

#include "core/timestamp.h"
#include "web/api/json_dump.h"
#include "web/api/venue_json.h"

namespace coolpapers::web {
namespace {

using nlohmann::json;

json DayOrNull(const std::optional<Date>& day) { return day ? json(day->ToIso()) : json(nullptr); }

json TimeOrNull(const std::optional<UtcTime>& time) {
  return time ? json(FormatRfc3339(*time)) : json(nullptr);
}

// Every version arXiv announced, oldest first: [{"version":1,"submitted":"2024-01-12T18:59:59Z"}].
json VersionsJson(const std::vector<PaperVersion>& versions) {
  json list = json::array();
  for (const PaperVersion& version : versions) {
    list.push_back({{"version", version.number}, {"submitted", FormatRfc3339(version.submitted)}});
  }
  return list;
}

json PaperJson(const Paper& paper, std::optional<AnnounceType> type) {
  const bool dated = !paper.versions.empty();
  return json{
      {"id", paper.id},
      {"version", paper.version},
      {"title", paper.title},
      {"authors", paper.authors},
      {"abstract", paper.abstract},
      {"categories", paper.categories},
      {"primary_category", paper.categories.empty() ? json(nullptr) : json(paper.categories.front())},
      {"announce_type", type ? json(std::string(AnnounceTypeName(*type))) : json(nullptr)},
      {"comments", paper.comments},
      {"journal_ref", paper.journal_ref},
      {"doi", paper.doi},
      {"abs_url", paper.AbsUrl()},
      {"pdf_url", paper.PdfUrl()},
      {"first_listed", DayOrNull(paper.first_listed)},
      // v1's submission and the latest version's (arXiv's <published> and <updated>).
      {"published", TimeOrNull(dated ? std::optional(paper.versions.front().submitted) : std::nullopt)},
      {"updated", TimeOrNull(dated ? std::optional(paper.versions.back().submitted) : std::nullopt)},
      {"versions", VersionsJson(paper.versions)},
  };
}

}  // namespace

std::string RenderListJson(const ListView& view) {
  json papers = json::array();
  for (const ListedCard& card : view.cards) papers.push_back(PaperJson(card.paper, card.type));
  return DumpSafeJson(json{
      {"expression", view.expression},
      {"day", view.day.ToIso()},
      {"total", view.total},
      {"skip", view.skip},
      {"show", view.show},
      {"previous_day", DayOrNull(view.previous_day)},
      {"next_day", DayOrNull(view.next_day)},
      {"papers", std::move(papers)},
  });
}

std::string RenderPapersJson(const PapersView& view) {
  json papers = json::array();
  for (const Paper& paper : view.papers) papers.push_back(PaperJson(paper, std::nullopt));
  return DumpSafeJson(json{{"papers", std::move(papers)}, {"missing", view.missing}});
}

// A result's object: an arXiv paper's, or a venue paper's (VenuePaperJson) with "branch":
// "venue" so a reader of mixed results can tell them apart.
namespace {
json CardJson(const SearchCard& card) {
  if (!card.venue) return PaperJson(card.paper, std::nullopt);
  json paper = VenuePaperJson(*card.venue);
  paper["branch"] = "venue";
  return paper;
}
}  // namespace

std::string RenderRelatedJson(const std::string& id, const std::vector<std::string>& keywords,
                              const std::vector<SearchCard>& papers) {
  json list = json::array();
  for (const SearchCard& card : papers) list.push_back(CardJson(card));
  return DumpSafeJson(json{{"id", id}, {"keywords", keywords}, {"papers", std::move(list)}});
}

std::string RenderSearchJson(const SearchView& view) {
  json papers = json::array();
  for (const SearchCard& card : view.cards) papers.push_back(CardJson(card));
  return DumpSafeJson(json{
      {"query", view.query},
      {"sort", std::string(SearchOrderName(view.sort))},
      {"total", view.total},
      {"total_exact", view.total_exact},
      {"skip", view.skip},
      {"show", view.show},
      {"papers", std::move(papers)},
  });
}

std::string RenderDaysJson(const CategoryExpr& expr, const std::vector<Date>& days) {
  json list = json::array();
  for (const Date& day : days) list.push_back(day.ToIso());
  return DumpSafeJson(json{{"expression", expr.ToString()}, {"days", std::move(list)}});
}

std::string RenderClickJson(const std::string& id, const store::ClickCounts& counts) {
  return DumpSafeJson(json{{"id", id}, {"pdf", counts.pdf}, {"faq", counts.faq}});
}

std::string RenderClickCountsJson(std::span<const std::string> ids,
                                  std::span<const store::ClickCounts> counts) {
  assert(ids.size() == counts.size() && "one count per id");
  json by_id = json::object();
  for (size_t i = 0; i < ids.size(); ++i) {
    if (counts[i].pdf == 0 && counts[i].faq == 0) continue;
    by_id[ids[i]] = json{{"pdf", counts[i].pdf}, {"faq", counts[i].faq}};
  }
  return DumpSafeJson(json{{"counts", std::move(by_id)}});
}

std::string RenderErrorJson(std::string_view code, std::string_view message) {
  return DumpSafeJson(json{{"error", {{"code", code}, {"message", message}}}});
}

}  // namespace coolpapers::web
