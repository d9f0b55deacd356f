// What the real data says a day's list must be, worked out directly from the daily-listing
// JSON Lines files with no code from src/store or src/ingest: the independent expectation the
// integration tests compare the server's pages against.
#ifndef COOLPAPERS_TESTS_INTEGRATION_LISTING_ORACLE_H_
#define COOLPAPERS_TESTS_INTEGRATION_LISTING_ORACLE_H_

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace coolpapers::testing {

struct OracleRecord {
  std::string id;
  std::string title;
  std::vector<std::string> categories;  // canonical ids, primary first
};

class ListingOracle {
 public:
  // Reads every *.jsonl file in `daily_dir` (the daily-listing shape, with listing_date).
  explicit ListingOracle(const std::filesystem::path& daily_dir);

  // The ids listed on `day` for papers in any of `include` and none of `exclude`, in arXiv
  // order: papers whose primary category is included (new), then the others (cross), each
  // group in file order.
  std::vector<std::string> ExpectedIds(const std::string& day, const std::set<std::string>& include,
                                       const std::set<std::string>& exclude = {}) const;

  // The (day, category) with the most papers, counting every category of each record.
  std::pair<std::string, std::string> LargestCategoryDay() const;

  const OracleRecord* Find(const std::string& id) const;

 private:
  std::map<std::string, std::vector<OracleRecord>> records_by_day_;  // in file order
};

}  // namespace coolpapers::testing

#endif  // COOLPAPERS_TESTS_INTEGRATION_LISTING_ORACLE_H_
