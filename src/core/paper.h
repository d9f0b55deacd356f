// The paper model shared by every module: what we know of one arXiv paper, and where and how
// it was listed.
#ifndef COOLPAPERS_CORE_PAPER_H_
#define COOLPAPERS_CORE_PAPER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/announcement_calendar.h"
#include "core/date.h"

namespace coolpapers {

struct PaperVersion {
  int number = 0;     // 1 for v1
  UtcTime submitted;  // when arXiv received that version
};

struct Paper {
  std::string id;                       // canonical arXiv id without version: "2401.06769"
  int version = 0;                      // latest known version; 0 when the source did not say
  std::string title;                    // TeX accents decoded, whitespace collapsed
  std::vector<std::string> authors;     // names only, in byline order: "Franz Gähler"
  // Each author's affiliation, parallel to `authors` ("" for an author without one), or empty
  // when no author has one: "Institut für Theoretische Physik", or a footnote mark like "1".
  std::vector<std::string> affiliations;
  std::string abstract;                 // TeX accents decoded; math left as TeX
  std::vector<std::string> categories;  // canonical ids, primary first, no duplicates
  std::string comments;                 // arXiv "comments" field, may be empty
  std::string journal_ref;
  std::string doi;
  std::string license;                  // license URL, may be empty
  std::vector<PaperVersion> versions;   // ascending; empty when the source has no dates
  std::optional<Date> first_listed;     // the earliest day it was listed as new, when known

  const std::string& primary_category() const { return categories.front(); }
  std::string AbsUrl() const { return "https://arxiv.org/abs/" + id; }
  std::string PdfUrl() const { return "https://arxiv.org/pdf/" + id; }
};

// How a paper appears in one category's list on one day, as arXiv announces it.
enum class AnnounceType : int {
  kNew = 0,      // first version, in its primary category
  kCross = 1,    // first version, in another of its categories
  kReplace = 2,  // a later version (replace or replace-cross)
};

std::string_view AnnounceTypeName(AnnounceType type);

// The date a citation gives the paper: its v1 submission day ("2018-12-05"); without version
// dates, the first listing day when that is in the month its id was issued in, else that month
// alone ("2018-12" for 1812.06145 listed as a replacement in 2025: listing days of later
// versions are no publication date); "" when nothing is known.
std::string CitedDate(const Paper& paper);  // "new", "cross", "replace"

struct Listing {
  Date day;
  std::string category;  // canonical id
  std::string paper_id;
  AnnounceType type = AnnounceType::kNew;
  int64_t position = 0;  // arXiv's order within the day: smaller first
};

// A paper with every listing one source record implies: the unit of import.
struct PaperRecord {
  Paper paper;
  std::vector<Listing> listings;
};

}  // namespace coolpapers

#endif  // COOLPAPERS_CORE_PAPER_H_
