#include "ingest/arxiv_feed_parser.h"

#include "core/arxiv_id.h"
#include "core/author_list.h"
#include "core/whitespace.h"
#include "ingest/arxiv_xml.h"
#include "ingest/record_fields.h"

namespace coolpapers::ingest {
namespace {

Error EntryError(std::string_view source, int64_t position, const std::string& what) {
  return Error{ErrorCode::kCorrupt,
               std::string(source) + ": entry " + std::to_string(position + 1) + ": " + what,
               {}};
}

// The summary starts "arXiv:2508.13167v1 Announce Type: new \nAbstract: ..."; the abstract is
// what follows "Abstract:". Summaries without that header are taken whole.
std::string_view StripSummaryHeader(std::string_view summary) {
  constexpr std::string_view kMarker = "Abstract:";
  if (CollapseWhitespace(summary.substr(0, 6)) != "arXiv:") return summary;
  auto at = summary.find(kMarker);
  return at == std::string_view::npos ? summary : summary.substr(at + kMarker.size());
}

// "oai:arXiv.org:2508.13167v1" -> "2508.13167v1"; the summary header is the fallback.
std::string RawEntryId(const pugi::xml_node& entry) {
  std::string id = CollapseWhitespace(ChildText(entry, "id"));
  constexpr std::string_view kOaiPrefix = "oai:arXiv.org:";
  if (id.starts_with(kOaiPrefix)) return id.substr(kOaiPrefix.size());
  std::string summary = CollapseWhitespace(ChildText(entry, "summary"));
  if (summary.starts_with("arXiv:")) return summary.substr(0, summary.find(' '));
  return id;
}

Result<AnnouncementEntry> ParseEntry(const pugi::xml_node& entry, int64_t position,
                                     std::string_view source) {
  AnnouncementEntry out;
  out.position = position;
  const std::string raw_id = RawEntryId(entry);
  auto id = ArxivId::Parse(raw_id);
  if (!id) return std::unexpected(EntryError(source, position, id.error().message));
  out.paper.id = id->str();
  out.paper.version = id->version();

  out.announce_type = CollapseWhitespace(ChildText(entry, "announce_type"));
  if (out.announce_type == "new") {
    out.type = AnnounceType::kNew;
  } else if (out.announce_type == "cross") {
    out.type = AnnounceType::kCross;
  } else if (out.announce_type == "replace" || out.announce_type == "replace-cross") {
    out.type = AnnounceType::kReplace;
  } else {
    return std::unexpected(EntryError(source, position,
                                      "announce type \"" + out.announce_type + "\" of " + raw_id +
                                          ": expected new, cross, replace or replace-cross"));
  }

  out.paper.title = CleanText(ChildText(entry, "title"));
  out.paper.abstract = CleanText(StripSummaryHeader(ChildText(entry, "summary")));
  SplitAuthorList(ChildText(entry, "creator")).MoveInto(out.paper);
  out.paper.license = CollapseWhitespace(ChildText(entry, "rights"));
  std::vector<std::string_view> names;  // views into the parsed document, which outlives them
  for (const pugi::xml_node& category : ChildrenByLocalName(entry, "category")) {
    names.emplace_back(category.attribute("term").value());
  }
  auto categories = CanonicalCategories(names);
  if (!categories) {
    return std::unexpected(
        EntryError(source, position, raw_id + ": " + categories.error().message));
  }
  out.paper.categories = std::move(*categories);
  return out;
}

}  // namespace

Result<AnnouncementFeed> ParseAnnouncementFeed(std::string_view xml, std::string_view source) {
  auto document = LoadArxivXml(xml, source, "feed");
  if (!document) return std::unexpected(document.error());
  const pugi::xml_node feed = (*document)->document_element();
  AnnouncementFeed out;
  out.feed_id = CollapseWhitespace(ChildText(feed, "id"));
  // "2025-08-20T04:00:19.866337+00:00": arXiv stamps the feed at midnight US Eastern of the
  // announcement day, so the UTC date is that day.
  const std::string updated = CollapseWhitespace(ChildText(feed, "updated"));
  auto day = Date::Parse(std::string_view(updated).substr(0, 10));
  if (!day) {
    return Fail(ErrorCode::kCorrupt, std::string(source) + ": feed <updated> \"" + updated +
                                         "\": expected an ISO 8601 timestamp");
  }
  out.day = *day;
  int64_t position = 0;
  for (const pugi::xml_node& entry : ChildrenByLocalName(feed, "entry")) {
    auto parsed = ParseEntry(entry, position++, source);
    if (!parsed) return std::unexpected(parsed.error());
    out.entries.push_back(std::move(*parsed));
  }
  return out;
}

}  // namespace coolpapers::ingest
