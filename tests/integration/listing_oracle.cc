#include "tests/integration/listing_oracle.h"

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "core/category.h"

namespace coolpapers::testing {
namespace {

std::string Canonical(const std::string& category) {
  auto canonical = CanonicalCategory(category);
  return canonical ? std::string(*canonical) : category;
}

bool AnyIn(const std::vector<std::string>& categories, const std::set<std::string>& set) {
  return std::any_of(categories.begin(), categories.end(),
                     [&](const std::string& c) { return set.contains(c); });
}

}  // namespace

ListingOracle::ListingOracle(const std::filesystem::path& daily_dir) {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(daily_dir)) {
    if (entry.path().extension() == ".jsonl") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    std::ifstream in(file);
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty()) continue;
      auto json = nlohmann::json::parse(line);
      OracleRecord record;
      record.id = json.at("id").get<std::string>();
      record.title = json.at("title").get<std::string>();
      for (const auto& category : json.at("categories")) {
        std::string canonical = Canonical(category.get<std::string>());
        if (std::find(record.categories.begin(), record.categories.end(), canonical) ==
            record.categories.end()) {
          record.categories.push_back(canonical);
        }
      }
      records_by_day_[json.at("listing_date").get<std::string>()].push_back(std::move(record));
    }
  }
  if (records_by_day_.empty()) throw std::runtime_error("no records in " + daily_dir.string());
}

std::vector<std::string> ListingOracle::ExpectedIds(const std::string& day,
                                                    const std::set<std::string>& include,
                                                    const std::set<std::string>& exclude) const {
  std::vector<std::string> new_ids, cross_ids;
  auto it = records_by_day_.find(day);
  if (it == records_by_day_.end()) return {};
  for (const auto& record : it->second) {
    if (!AnyIn(record.categories, include) || AnyIn(record.categories, exclude)) continue;
    (include.contains(record.categories.front()) ? new_ids : cross_ids).push_back(record.id);
  }
  new_ids.insert(new_ids.end(), cross_ids.begin(), cross_ids.end());
  return new_ids;
}

std::pair<std::string, std::string> ListingOracle::LargestCategoryDay() const {
  std::pair<std::string, std::string> best;
  size_t best_count = 0;
  for (const auto& [day, records] : records_by_day_) {
    std::map<std::string, size_t> counts;
    for (const auto& record : records) {
      for (const auto& category : record.categories) ++counts[category];
    }
    for (const auto& [category, count] : counts) {
      if (count > best_count) best = {day, category}, best_count = count;
    }
  }
  return best;
}

const OracleRecord* ListingOracle::Find(const std::string& id) const {
  for (const auto& [day, records] : records_by_day_) {
    for (const auto& record : records) {
      if (record.id == id) return &record;
    }
  }
  return nullptr;
}

}  // namespace coolpapers::testing
