#include "ingest/oai_pmh_parser.h"

#include <algorithm>
#include <charconv>

#include "core/announcement_calendar.h"
#include "core/arxiv_id.h"
#include "core/author_list.h"
#include "core/whitespace.h"
#include "ingest/arxiv_xml.h"
#include "ingest/record_fields.h"

namespace coolpapers::ingest {
namespace {

std::optional<int64_t> CountAttribute(const pugi::xml_node& node, const char* name) {
  std::string_view text = node.attribute(name).value();
  int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

Error RecordError(std::string_view source, std::string_view id, const std::string& what) {
  return Error{
      ErrorCode::kCorrupt, std::string(source) + ": record " + std::string(id) + ": " + what, {}};
}

Result<Paper> ParseArxivRaw(const pugi::xml_node& raw, std::string_view source) {
  const std::string raw_id = CollapseWhitespace(ChildText(raw, "id"));
  auto id = ArxivId::Parse(raw_id);
  if (!id) return std::unexpected(RecordError(source, raw_id, id.error().message));
  Paper paper;
  paper.id = id->str();
  // <version version="v2"><date>Mon, 2 Apr 2007 19:18:42 GMT</date>...</version>
  for (const pugi::xml_node& version : ChildrenByLocalName(raw, "version")) {
    const std::string label = CollapseWhitespace(version.attribute("version").value());
    int number = 0;
    if (label.size() < 2 || label[0] != 'v' ||
        std::from_chars(label.data() + 1, label.data() + label.size(), number).ec != std::errc()) {
      return std::unexpected(RecordError(source, raw_id, "version \"" + label + "\": expected vN"));
    }
    auto date = ParseArxivTimestamp(CollapseWhitespace(ChildText(version, "date")));
    if (!date) return std::unexpected(RecordError(source, raw_id, date.error().message));
    paper.versions.push_back({number, *date});
  }
  std::ranges::sort(paper.versions, {}, &PaperVersion::number);
  if (!paper.versions.empty()) paper.version = paper.versions.back().number;

  paper.title = CleanText(ChildText(raw, "title"));
  SplitAuthorList(ChildText(raw, "authors")).MoveInto(paper);
  paper.abstract = CleanText(ChildText(raw, "abstract"));
  paper.comments = CleanText(ChildText(raw, "comments"));
  paper.journal_ref = CleanText(ChildText(raw, "journal-ref"));
  paper.doi = CollapseWhitespace(ChildText(raw, "doi"));
  paper.license = CollapseWhitespace(ChildText(raw, "license"));
  const std::string categories_text = ChildText(raw, "categories");
  auto categories = CanonicalCategories(SplitWords(categories_text));
  if (!categories) return std::unexpected(RecordError(source, raw_id, categories.error().message));
  paper.categories = std::move(*categories);
  return paper;
}

}  // namespace

Result<OaiPage> ParseOaiPmhPage(std::string_view xml, std::string_view source) {
  auto document = LoadArxivXml(xml, source, "OAI-PMH");
  if (!document) return std::unexpected(document.error());
  const pugi::xml_node root = (*document)->document_element();
  OaiPage page;
  if (pugi::xml_node error = ChildByLocalName(root, "error")) {
    const std::string code = error.attribute("code").value();
    if (code == "noRecordsMatch") return page;  // OAI-PMH 2.0 section 3.6: an empty result
    const std::string message = CollapseWhitespace(error.child_value());
    return Fail(code == "idDoesNotExist" ? ErrorCode::kNotFound : ErrorCode::kInvalidArgument,
                "arXiv OAI-PMH error " + code + ": " + message, std::string(source));
  }
  pugi::xml_node verb = ChildByLocalName(root, "ListRecords");
  if (!verb) verb = ChildByLocalName(root, "GetRecord");
  for (const pugi::xml_node& record : ChildrenByLocalName(verb, "record")) {
    pugi::xml_node header = ChildByLocalName(record, "header");
    if (std::string_view(header.attribute("status").value()) == "deleted") {
      std::string identifier = CollapseWhitespace(ChildText(header, "identifier"));
      constexpr std::string_view kOaiPrefix = "oai:arXiv.org:";
      if (identifier.starts_with(kOaiPrefix)) identifier.erase(0, kOaiPrefix.size());
      page.deleted_ids.push_back(std::move(identifier));
      continue;
    }
    pugi::xml_node raw = ChildByLocalName(ChildByLocalName(record, "metadata"), "arXivRaw");
    if (!raw) {
      return Fail(ErrorCode::kCorrupt,
                  std::string(source) + ": record " + ChildText(header, "identifier") +
                      ": no arXivRaw metadata (was metadataPrefix=arXivRaw asked for?)");
    }
    auto paper = ParseArxivRaw(raw, source);
    if (!paper) return std::unexpected(paper.error());
    page.papers.push_back(std::move(*paper));
  }
  if (pugi::xml_node token = ChildByLocalName(verb, "resumptionToken")) {
    std::string text = CollapseWhitespace(token.child_value());
    if (!text.empty()) {
      page.resumption = ResumptionToken{std::move(text), CountAttribute(token, "cursor"),
                                        CountAttribute(token, "completeListSize")};
    }
  }
  return page;
}

}  // namespace coolpapers::ingest
