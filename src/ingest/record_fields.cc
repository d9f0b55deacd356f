#include "ingest/record_fields.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/announcement_calendar.h"
#include "core/category.h"
#include "core/quoted_text.h"
#include "core/tex_accents.h"
#include "core/whitespace.h"

namespace coolpapers::ingest {
namespace {

std::string FieldName(std::string_view key) { return "field \"" + std::string(key) + "\""; }

// Splits "math.CO cs.CG" on ASCII whitespace.
void AppendWords(std::string_view text, std::vector<std::string_view>& words) {
  constexpr std::string_view kSpaces = " \t\n\r\f\v";
  size_t start = text.find_first_not_of(kSpaces);
  while (start != std::string_view::npos) {
    const size_t end = text.find_first_of(kSpaces, start);
    words.push_back(text.substr(start, end - start));
    start = text.find_first_not_of(kSpaces, end);
  }
}

}  // namespace

Result<std::string_view> RequiredString(const nlohmann::json& record, std::string_view key) {
  const auto it = record.find(key);
  if (it == record.end() || it->is_null()) {
    return Fail(ErrorCode::kInvalidArgument, "missing " + FieldName(key) + ": expected a string");
  }
  if (!it->is_string()) {
    return Fail(ErrorCode::kInvalidArgument,
                FieldName(key) + " is a " + it->type_name() + ": expected a string");
  }
  return std::string_view(it->get_ref<const std::string&>());
}

Result<std::string_view> OptionalString(const nlohmann::json& record, std::string_view key) {
  const auto it = record.find(key);
  if (it == record.end() || it->is_null()) return std::string_view();
  return RequiredString(record, key);
}

Result<ArxivId> PaperIdField(const nlohmann::json& record) {
  auto text = RequiredString(record, "id");
  if (!text) return std::unexpected(std::move(text.error()));
  return ArxivId::Parse(*text);
}

std::string CleanText(std::string_view text) { return CollapseWhitespace(DecodeTexAccents(text)); }

Result<std::string> TitleField(const nlohmann::json& record) {
  auto text = RequiredString(record, "title");
  if (!text) return std::unexpected(std::move(text.error()));
  std::string title = CleanText(*text);
  if (title.empty()) return Fail(ErrorCode::kInvalidArgument, "field \"title\" is empty");
  return title;
}

Result<std::vector<std::string>> CategoriesField(const nlohmann::json& record) {
  const auto it = record.find("categories");
  std::vector<std::string_view> names;
  if (it != record.end() && it->is_string()) {
    AppendWords(it->get_ref<const std::string&>(), names);
  } else if (it != record.end() && it->is_array()) {
    for (const nlohmann::json& item : *it) {
      if (!item.is_string()) {
        return Fail(ErrorCode::kInvalidArgument,
                    "field \"categories\" holds a " + std::string(item.type_name()) +
                        ": expected category names");
      }
      names.push_back(item.get_ref<const std::string&>());
    }
  } else {
    return Fail(ErrorCode::kInvalidArgument,
                "missing field \"categories\": expected a list or a space-separated string");
  }
  return CanonicalCategories(names);
}

std::vector<std::string_view> SplitWords(std::string_view text) {
  std::vector<std::string_view> words;
  AppendWords(text, words);
  return words;
}

Result<std::vector<std::string>> CanonicalCategories(std::span<const std::string_view> names) {
  std::vector<std::string> categories;
  for (std::string_view name : names) {
    auto canonical = CanonicalCategory(CollapseWhitespace(name));
    if (!canonical) continue;  // unknown names are dropped; the record stays if one is known
    if (std::ranges::find(categories, *canonical) == categories.end()) {
      categories.emplace_back(*canonical);
    }
  }
  if (categories.empty()) {
    std::string shown;
    for (std::string_view name : names) shown += (shown.empty() ? "" : " ") + std::string(name);
    return Fail(ErrorCode::kInvalidArgument,
                "field \"categories\" has no arXiv category: " + QuoteForMessage(shown));
  }
  return categories;
}

void AddFirstAnnouncement(PaperRecord& record, Date day, int64_t position) {
  const Paper& paper = record.paper;
  for (const std::string& category : paper.categories) {
    const AnnounceType type =
        category == paper.primary_category() ? AnnounceType::kNew : AnnounceType::kCross;
    record.listings.push_back({day, category, paper.id, type, position});
  }
}

void AddReplacement(PaperRecord& record, Date day, int64_t position) {
  const bool listed_that_day = std::ranges::any_of(
      record.listings, [&](const Listing& listing) { return listing.day == day; });
  if (listed_that_day) return;
  for (const std::string& category : record.paper.categories) {
    record.listings.push_back({day, category, record.paper.id, AnnounceType::kReplace, position});
  }
}

}  // namespace coolpapers::ingest

namespace coolpapers::ingest {

void AddAnnouncementsFromVersions(PaperRecord& record, int64_t position) {
  for (const PaperVersion& version : record.paper.versions) {
    const Date day = AnnouncementDay(version.submitted);
    if (version.number == 1) {
      AddFirstAnnouncement(record, day, position);
      record.paper.first_listed = day;
    } else {
      AddReplacement(record, day, position);
    }
  }
}

}  // namespace coolpapers::ingest
