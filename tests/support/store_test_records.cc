#include "tests/support/store_test_records.h"

#include <chrono>

namespace coolpapers::store::testing {

Date Day(std::string_view iso) { return Date::Parse(iso).value(); }

namespace {

Paper MakePaper(const std::string& id, const std::vector<std::string>& categories, Date day,
                int version) {
  Paper paper;
  paper.id = id;
  paper.version = version;
  paper.title = "Paper " + id + " v" + std::to_string(version);
  paper.authors = {"Ada Lovelace", "Charles Babbage"};
  paper.abstract = "An abstract with $x^2$ math.";
  paper.categories = categories;
  for (int number = 1; number <= version; ++number) {
    // One day apart, at a fixed time of day, so the dates are distinct and exact.
    paper.versions.push_back({number, std::chrono::sys_days{day.days()} +
                                          std::chrono::days{number - version} +
                                          std::chrono::hours{19} + std::chrono::minutes{18}});
  }
  return paper;
}

}  // namespace

PaperRecord NewPaperRecord(const std::string& id, const std::vector<std::string>& categories,
                           Date day, int64_t position, int version) {
  PaperRecord record{MakePaper(id, categories, day, version), {}};
  for (const std::string& category : categories) {
    const AnnounceType type =
        category == categories.front() ? AnnounceType::kNew : AnnounceType::kCross;
    record.listings.push_back({day, category, id, type, position});
  }
  return record;
}

PaperRecord ReplacedPaperRecord(const std::string& id, const std::vector<std::string>& categories,
                                Date day, int64_t position, int version) {
  PaperRecord record{MakePaper(id, categories, day, version), {}};
  for (const std::string& category : categories) {
    record.listings.push_back({day, category, id, AnnounceType::kReplace, position});
  }
  return record;
}

std::vector<std::string> IdsOf(const DayList& list) {
  std::vector<std::string> ids;
  for (const ListedPaper& paper : list.papers) ids.push_back(paper.paper_id);
  return ids;
}

}  // namespace coolpapers::store::testing
