#include "ingest/listing_record_parser.h"

#include <nlohmann/json.hpp>

#include "core/author_list.h"
#include "core/whitespace.h"
#include "ingest/record_fields.h"

namespace coolpapers::ingest {
namespace {

// A list of names, or (as some crawls write it) one "A, B and C" string.
Result<AuthorList> AuthorsField(const nlohmann::json& record) {
  const auto it = record.find("authors");
  if (it != record.end() && it->is_string()) return SplitAuthorList(it->get_ref<const std::string&>());
  if (it == record.end() || !it->is_array()) {
    return Fail(ErrorCode::kInvalidArgument, "missing field \"authors\": expected a list of names");
  }
  std::vector<std::string> names;
  names.reserve(it->size());
  for (const nlohmann::json& name : *it) {
    if (!name.is_string()) {
      return Fail(ErrorCode::kInvalidArgument, "field \"authors\" holds a " +
                                                   std::string(name.type_name()) +
                                                   ": expected names");
    }
    names.push_back(name.get_ref<const std::string&>());
  }
  return NormalizeAuthorNames(names);
}

}  // namespace

Result<PaperRecord> ParseListingRecord(const nlohmann::json& record, int64_t position) {
  PaperRecord result;
  Paper& paper = result.paper;
  auto id = PaperIdField(record);
  if (!id) return std::unexpected(std::move(id.error()));
  paper.id = id->str();
  paper.version = id->version();

  auto title = TitleField(record);
  if (!title) return std::unexpected(std::move(title.error()));
  paper.title = std::move(*title);
  auto authors = AuthorsField(record);
  if (!authors) return std::unexpected(std::move(authors.error()));
  std::move(*authors).MoveInto(paper);
  auto summary = RequiredString(record, "summary");
  if (!summary) return std::unexpected(std::move(summary.error()));
  paper.abstract = CleanText(*summary);
  auto comment = OptionalString(record, "comment");
  if (!comment) return std::unexpected(std::move(comment.error()));
  paper.comments = CollapseWhitespace(*comment);

  auto categories = CategoriesField(record);
  if (!categories) return std::unexpected(std::move(categories.error()));
  paper.categories = std::move(*categories);

  auto listing_date = RequiredString(record, "listing_date");
  if (!listing_date) return std::unexpected(std::move(listing_date.error()));
  auto day = Date::Parse(*listing_date);
  if (!day) return std::unexpected(std::move(day.error()));
  paper.first_listed = *day;
  AddFirstAnnouncement(result, *day, position);
  return result;
}

}  // namespace coolpapers::ingest
