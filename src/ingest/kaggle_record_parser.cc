#include "ingest/kaggle_record_parser.h"

#include <algorithm>
#include <charconv>
#include <optional>
#include <nlohmann/json.hpp>

#include "core/announcement_calendar.h"
#include "core/author_list.h"
#include "core/quoted_text.h"
#include "core/tex_accents.h"
#include "core/whitespace.h"
#include "ingest/record_fields.h"

namespace coolpapers::ingest {
namespace {

// "v2" -> 2.
Result<int> ParseVersionNumber(std::string_view text) {
  int number = 0;
  if (text.size() >= 2 && text.front() == 'v') {
    const auto [end, error] = std::from_chars(text.data() + 1, text.data() + text.size(), number);
    if (error == std::errc() && end == text.data() + text.size() && number > 0) return number;
  }
  return Fail(ErrorCode::kInvalidArgument,
              "field \"versions\" has version " + QuoteForMessage(text) + ": expected v1, v2, ...");
}

Result<std::vector<PaperVersion>> VersionsField(const nlohmann::json& record) {
  const auto it = record.find("versions");
  if (it == record.end() || !it->is_array() || it->empty()) {
    return Fail(ErrorCode::kInvalidArgument,
                "missing field \"versions\": expected a list of {version, created}");
  }
  std::vector<PaperVersion> versions;
  for (const nlohmann::json& item : *it) {
    if (!item.is_object()) {
      return Fail(ErrorCode::kInvalidArgument,
                  "field \"versions\" holds a " + std::string(item.type_name()) +
                      ": expected {version, created}");
    }
    auto name = RequiredString(item, "version");
    if (!name) return std::unexpected(std::move(name.error()));
    auto number = ParseVersionNumber(*name);
    if (!number) return std::unexpected(std::move(number.error()));
    auto created = RequiredString(item, "created");
    if (!created) return std::unexpected(std::move(created.error()));
    auto submitted = ParseArxivTimestamp(*created);
    if (!submitted) return std::unexpected(std::move(submitted.error()));
    versions.push_back({*number, *submitted});
  }
  std::ranges::sort(versions, {}, &PaperVersion::number);
  const auto repeated = std::ranges::adjacent_find(versions, {}, &PaperVersion::number);
  if (repeated != versions.end()) {
    return Fail(ErrorCode::kInvalidArgument,
                "field \"versions\" lists v" + std::to_string(repeated->number) + " twice");
  }
  return versions;
}

// The snapshot's "authors_parsed": [[last, first, suffix, affiliation...], ...], arXiv's own
// split of the byline, so names need no guessing: ["Gähler", "Franz", "", "Institut für ..."]
// -> "Franz Gähler" with that affiliation; ["Cesar", "Roberto M.", "Jr.", ...] -> "Roberto M.
// Cesar Jr."; ["The BABAR Collaboration", "", ""] stays whole. nullopt when the field is
// missing or not of that shape, and the "authors" string is split instead.
std::optional<AuthorList> AuthorsFromParsed(const nlohmann::json& record) {
  const auto it = record.find("authors_parsed");
  if (it == record.end() || !it->is_array() || it->empty()) return std::nullopt;
  AuthorList list;
  for (const nlohmann::json& parts : *it) {
    if (!parts.is_array() || parts.empty() ||
        !std::ranges::all_of(parts, &nlohmann::json::is_string)) {
      return std::nullopt;
    }
    auto part = [&](size_t i) {
      if (i >= parts.size()) return std::string();
      std::string text = CollapseWhitespace(DecodeTexAccents(parts[i].get<std::string>()));
      // arXiv's split puts a space after every initial, also inside "C.-P.": "C. -P.".
      for (size_t at = text.find(". -"); at != std::string::npos; at = text.find(". -", at)) {
        text.erase(at + 1, 1);
      }
      return text;
    };
    std::string name;
    for (const std::string& piece : {part(1), part(0), part(2)}) {
      if (piece.empty()) continue;
      if (!name.empty()) name += ' ';
      name += piece;
    }
    if (name.empty() || name == "et al" || name == "et al.") continue;
    std::string affiliation;
    for (size_t i = 3; i < parts.size(); ++i) {
      if (!affiliation.empty()) affiliation += "; ";
      affiliation += part(i);
    }
    list.Add(std::move(name), std::move(affiliation));
  }
  if (list.names.empty()) return std::nullopt;
  return list;
}

}  // namespace

Result<PaperRecord> ParseKaggleRecord(const nlohmann::json& record, int64_t position) {
  PaperRecord result;
  Paper& paper = result.paper;
  // The snapshot's ids carry no version; "versions" is the authority.
  auto id = PaperIdField(record);
  if (!id) return std::unexpected(std::move(id.error()));
  paper.id = id->str();

  auto title = TitleField(record);
  if (!title) return std::unexpected(std::move(title.error()));
  paper.title = std::move(*title);
  auto authors = RequiredString(record, "authors");
  if (!authors) return std::unexpected(std::move(authors.error()));
  AuthorsFromParsed(record).value_or(SplitAuthorList(*authors)).MoveInto(paper);
  auto abstract = RequiredString(record, "abstract");
  if (!abstract) return std::unexpected(std::move(abstract.error()));
  paper.abstract = CleanText(*abstract);

  auto categories = CategoriesField(record);
  if (!categories) return std::unexpected(std::move(categories.error()));
  paper.categories = std::move(*categories);

  auto comments = OptionalString(record, "comments");
  auto journal_ref = OptionalString(record, "journal-ref");
  auto doi = OptionalString(record, "doi");
  auto license = OptionalString(record, "license");
  for (auto* field : {&comments, &journal_ref, &doi, &license}) {
    if (!*field) return std::unexpected(std::move(field->error()));
  }
  paper.comments = CollapseWhitespace(*comments);
  paper.journal_ref = CollapseWhitespace(*journal_ref);
  paper.doi = CollapseWhitespace(*doi);
  paper.license = CollapseWhitespace(*license);

  auto versions = VersionsField(record);
  if (!versions) return std::unexpected(std::move(versions.error()));
  paper.versions = std::move(*versions);
  paper.version = paper.versions.back().number;

  AddAnnouncementsFromVersions(result, position);
  return result;
}

}  // namespace coolpapers::ingest
