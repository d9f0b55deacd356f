#include "web/api/api_json.h"

#include <cassert>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "core/timestamp.h"
#include "web/api/json_dump.h"
#include "web/api/json_writer.h"
#include "web/api/venue_json.h"

namespace coolpapers::web {
namespace {

using nlohmann::json;

// Every version arXiv announced, oldest first: [{"submitted":"2024-01-12T18:59:59Z","version":1}].
void WriteVersions(JsonWriter& out, const std::vector<PaperVersion>& versions) {
  out.BeginArray();
  for (const PaperVersion& version : versions) {
    out.BeginObject();
    out.Key("submitted").String(FormatRfc3339(version.submitted));
    out.Key("version").Int(version.number);
    out.EndObject();
  }
  out.EndArray();
}

std::optional<std::string> DayText(const std::optional<Date>& day) {
  return day ? std::optional(day->ToIso()) : std::nullopt;
}

std::optional<std::string> TimeText(const std::optional<UtcTime>& time) {
  return time ? std::optional(FormatRfc3339(*time)) : std::nullopt;
}

// The keys in byte order, as every other document of the API has them (json_writer.h).
void WritePaper(JsonWriter& out, const Paper& paper, std::optional<AnnounceType> type) {
  const bool dated = !paper.versions.empty();
  out.BeginObject();
  out.Key("abs_url").String(paper.AbsUrl());
  out.Key("abstract").String(paper.abstract);
  out.Key("announce_type")
      .StringOrNull(type ? std::optional<std::string>(AnnounceTypeName(*type)) : std::nullopt);
  out.Key("authors").Strings(paper.authors);
  out.Key("categories").Strings(paper.categories);
  out.Key("comments").String(paper.comments);
  out.Key("doi").String(paper.doi);
  out.Key("first_listed").StringOrNull(DayText(paper.first_listed));
  out.Key("id").String(paper.id);
  out.Key("journal_ref").String(paper.journal_ref);
  out.Key("pdf_url").String(paper.PdfUrl());
  out.Key("primary_category")
      .StringOrNull(paper.categories.empty() ? std::nullopt
                                             : std::optional(paper.categories.front()));
  // v1's submission and the latest version's (arXiv's <published> and <updated>).
  out.Key("published")
      .StringOrNull(
          TimeText(dated ? std::optional(paper.versions.front().submitted) : std::nullopt));
  out.Key("title").String(paper.title);
  out.Key("updated").StringOrNull(
      TimeText(dated ? std::optional(paper.versions.back().submitted) : std::nullopt));
  out.Key("version").Int(paper.version);
  out.Key("versions");
  WriteVersions(out, paper.versions);
  out.EndObject();
}

// A result's object: an arXiv paper's, or a venue paper's (VenuePaperJson) with "branch":
// "venue" so a reader of mixed results can tell them apart.
void WriteCard(JsonWriter& out, const SearchCard& card) {
  if (!card.venue) {
    WritePaper(out, card.paper, std::nullopt);
    return;
  }
  json paper = VenuePaperJson(*card.venue);
  paper["branch"] = "venue";
  out.Raw(DumpSafeJson(paper));
}

void WriteCards(JsonWriter& out, const std::vector<SearchCard>& cards) {
  out.BeginArray();
  for (const SearchCard& card : cards) WriteCard(out, card);
  out.EndArray();
}

}  // namespace

std::string RenderListJson(const ListView& view) {
  JsonWriter out;
  out.BeginObject();
  out.Key("day").String(view.day.ToIso());
  out.Key("expression").String(view.expression);
  out.Key("next_day").StringOrNull(DayText(view.next_day));
  out.Key("papers").BeginArray();
  for (const ListedCard& card : view.cards) WritePaper(out, card.paper, card.type);
  out.EndArray();
  out.Key("previous_day").StringOrNull(DayText(view.previous_day));
  out.Key("show").Int(view.show);
  out.Key("skip").Int(view.skip);
  out.Key("total").Int(view.total);
  out.EndObject();
  return std::move(out).Take();
}

std::string RenderPapersJson(const PapersView& view) {
  JsonWriter out;
  out.BeginObject();
  out.Key("missing").Strings(view.missing);
  out.Key("papers").BeginArray();
  for (const Paper& paper : view.papers) WritePaper(out, paper, std::nullopt);
  out.EndArray();
  out.EndObject();
  return std::move(out).Take();
}

std::string RenderRelatedJson(const std::string& id, const std::vector<std::string>& keywords,
                              const std::vector<SearchCard>& papers) {
  JsonWriter out;
  out.BeginObject();
  out.Key("id").String(id);
  out.Key("keywords").Strings(keywords);
  out.Key("papers");
  WriteCards(out, papers);
  out.EndObject();
  return std::move(out).Take();
}

std::string RenderSearchJson(const SearchView& view) {
  JsonWriter out;
  out.BeginObject();
  out.Key("papers");
  WriteCards(out, view.cards);
  out.Key("query").String(view.query);
  out.Key("show").Int(view.show);
  out.Key("skip").Int(view.skip);
  out.Key("sort").String(SearchOrderName(view.sort));
  out.Key("total").Int(view.total);
  out.Key("total_exact").Bool(view.total_exact);
  out.EndObject();
  return std::move(out).Take();
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
