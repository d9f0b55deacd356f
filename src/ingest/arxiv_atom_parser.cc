#include "ingest/arxiv_atom_parser.h"

#include <charconv>
#include <string>

#include "core/announcement_calendar.h"
#include "core/arxiv_id.h"
#include "core/author_list.h"
#include "core/whitespace.h"
#include "ingest/arxiv_xml.h"
#include "ingest/record_fields.h"

namespace coolpapers::ingest {
namespace {

Result<int64_t> CountField(const pugi::xml_node& feed, std::string_view name,
                           std::string_view source) {
  const std::string text = CollapseWhitespace(ChildText(feed, name));
  if (text.empty()) return 0;
  int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < 0) {
    return Fail(ErrorCode::kCorrupt, std::string(source) + ": opensearch:" + std::string(name) +
                                         " \"" + text + "\": expected a count");
  }
  return value;
}

Result<Paper> ParseEntry(const pugi::xml_node& entry, std::string_view source) {
  // "http://arxiv.org/abs/1707.08567v1", "http://arxiv.org/abs/astro-ph/0601001v1".
  const std::string raw_id = CollapseWhitespace(ChildText(entry, "id"));
  constexpr std::string_view kAbs = "/abs/";
  auto abs = raw_id.find(kAbs);
  auto id =
      ArxivId::Parse(abs == std::string::npos ? std::string_view(raw_id)
                                              : std::string_view(raw_id).substr(abs + kAbs.size()));
  if (!id) {
    return Fail(ErrorCode::kCorrupt,
                std::string(source) + ": entry " + raw_id + ": " + id.error().message);
  }
  Paper paper;
  paper.id = id->str();
  paper.version = id->version();
  paper.title = CleanText(ChildText(entry, "title"));
  paper.abstract = CleanText(ChildText(entry, "summary"));
  std::vector<std::string> names;
  for (const pugi::xml_node& author : ChildrenByLocalName(entry, "author")) {
    names.push_back(ChildText(author, "name"));
  }
  NormalizeAuthorNames(names).MoveInto(paper);

  std::vector<std::string_view> category_names;  // views into the parsed document
  category_names.emplace_back(
      ChildByLocalName(entry, "primary_category").attribute("term").value());
  for (const pugi::xml_node& category : ChildrenByLocalName(entry, "category")) {
    category_names.emplace_back(category.attribute("term").value());
  }
  auto categories = CanonicalCategories(category_names);
  if (!categories) {
    return Fail(ErrorCode::kCorrupt,
                std::string(source) + ": entry " + raw_id + ": " + categories.error().message);
  }
  paper.categories = std::move(*categories);
  paper.comments = CleanText(ChildText(entry, "comment"));
  paper.journal_ref = CleanText(ChildText(entry, "journal_ref"));
  paper.doi = CollapseWhitespace(ChildText(entry, "doi"));

  // <published> is when v1 arrived, <updated> when the latest one did.
  auto published = ParseArxivTimestamp(CollapseWhitespace(ChildText(entry, "published")));
  if (published) paper.versions.push_back({1, *published});
  auto updated = ParseArxivTimestamp(CollapseWhitespace(ChildText(entry, "updated")));
  if (updated && paper.version > 1) paper.versions.push_back({paper.version, *updated});
  return paper;
}

}  // namespace

Result<ApiFeed> ParseApiFeed(std::string_view xml, std::string_view source) {
  auto document = LoadArxivXml(xml, source, "feed");
  if (!document) return std::unexpected(document.error());
  const pugi::xml_node feed = (*document)->document_element();
  ApiFeed out;
  for (auto [name, field] :
       {std::pair{"totalResults", &out.total_results}, std::pair{"startIndex", &out.start_index},
        std::pair{"itemsPerPage", &out.items_per_page}}) {
    auto count = CountField(feed, name, source);
    if (!count) return std::unexpected(count.error());
    *field = *count;
  }
  for (const pugi::xml_node& entry : ChildrenByLocalName(feed, "entry")) {
    // arXiv answers a bad request with HTTP 400 and a feed whose only entry is the error.
    if (CollapseWhitespace(ChildText(entry, "id")).find("/api/errors") != std::string::npos) {
      const std::string message = CollapseWhitespace(ChildText(entry, "summary"));
      return Fail(ErrorCode::kInvalidArgument, "arXiv API: " + message,
                  std::string(source) + ": error entry " + ChildText(entry, "id"));
    }
    auto paper = ParseEntry(entry, source);
    if (!paper) return std::unexpected(paper.error());
    out.papers.push_back(std::move(*paper));
  }
  return out;
}

}  // namespace coolpapers::ingest
