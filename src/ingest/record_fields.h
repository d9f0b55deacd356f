// The pieces both record shapes share (Kaggle snapshot and daily listing): reading typed fields
// of a JSON record with messages that name the field, cleaning metadata text, mapping raw
// category names to canonical ids, and the listings an announcement implies.
#ifndef COOLPAPERS_INGEST_RECORD_FIELDS_H_
#define COOLPAPERS_INGEST_RECORD_FIELDS_H_

#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/arxiv_id.h"
#include "core/date.h"
#include "core/error.h"
#include "core/paper.h"

namespace coolpapers::ingest {

// The string field `key`. Returns kInvalidArgument `missing field "title": expected a string`
// when absent or null, `field "title" is a number: expected a string` for another type.
[[nodiscard]] Result<std::string_view> RequiredString(const nlohmann::json& record,
                                                      std::string_view key);

// The string field `key`, or "" when it is absent or null; kInvalidArgument for another type.
[[nodiscard]] Result<std::string_view> OptionalString(const nlohmann::json& record,
                                                      std::string_view key);

// The "id" field as an arXiv id: "0704.0001", "2401.6769" (read as 2401.06769), "2505.08002v3".
// kInvalidArgument when missing or not an arXiv id.
[[nodiscard]] Result<ArxivId> PaperIdField(const nlohmann::json& record);

// Title and abstract text: TeX accents decoded ("Bal\'azs" -> "Balázs"), then every run of
// whitespace, hard "\n" wraps included, collapsed to one space and the ends trimmed.
std::string CleanText(std::string_view text);

// The "categories" field, as a list of names (daily listing) or one space-separated string
// (Kaggle snapshot), mapped to canonical ids in order, duplicates and aliases merged:
// ["cs.CL", "cs.NA", "68T50"] -> {"cs.CL", "math.NA"}. Names arXiv does not know (MSC or ACM
// classes that crept in) are dropped; when none is left, or the field is missing or of another
// type, returns kInvalidArgument naming what was there.
[[nodiscard]] Result<std::vector<std::string>> CategoriesField(const nlohmann::json& record);

// The "title" field, cleaned as CleanText does. kInvalidArgument when it is missing, not a
// string, or empty once cleaned.
[[nodiscard]] Result<std::string> TitleField(const nlohmann::json& record);

// Category names as a source spells them (["cs.CL", "cs.NA", "68T50"], or one space-separated
// string via SplitWords) mapped to canonical ids in order, duplicates and aliases merged:
// {"cs.CL", "math.NA"}. Names arXiv does not know (MSC or ACM classes that crept in) are
// dropped; when none is left, returns kInvalidArgument quoting what was there. The one place
// these rules live: the JSON and the XML readers all come through here.
[[nodiscard]] Result<std::vector<std::string>> CanonicalCategories(
    std::span<const std::string_view> names);

// The words of a space-separated field ("cs.CL cs.LG"), as views into `text`.
std::vector<std::string_view> SplitWords(std::string_view text);

// Adds the listings of a paper's first announcement on `day`: new in its primary category,
// cross in each other one. `record.paper` must have its id and categories.
void AddFirstAnnouncement(PaperRecord& record, Date day, int64_t position);

// Adds the listings of a replacement announced on `day`, in every category, except where the
// record already lists the paper that day (a first announcement ranks above a replacement).
void AddReplacement(PaperRecord& record, Date day, int64_t position);

// Adds the listings that `record.paper.versions` imply (v1: its first announcement, later
// versions: replacements, each on the day its submission was announced) and sets first_listed.
// How history records (the Kaggle snapshot, OAI-PMH backfill) get their listings, so a paper is
// listed alike whichever source brought it.
void AddAnnouncementsFromVersions(PaperRecord& record, int64_t position);

}  // namespace coolpapers::ingest

#endif  // COOLPAPERS_INGEST_RECORD_FIELDS_H_
