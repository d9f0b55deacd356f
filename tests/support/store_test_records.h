// Small builders of PaperRecords for the store tests, so each test states only what matters.
#ifndef COOLPAPERS_TESTS_SUPPORT_STORE_TEST_RECORDS_H_
#define COOLPAPERS_TESTS_SUPPORT_STORE_TEST_RECORDS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/paper.h"
#include "store/store.h"

namespace coolpapers::store::testing {

// "2025-05-14" as a Date; the text must be a valid day.
Date Day(std::string_view iso);

// A paper first announced on `day`: new in its primary (first) category, cross in the others,
// all at `position`. Title "Paper <id> v<version>", two authors, one version per number up to
// `version` (none when 0).
PaperRecord NewPaperRecord(const std::string& id, const std::vector<std::string>& categories,
                           Date day, int64_t position, int version = 1);

// The same paper announced again on `day` as a replacement in every category.
PaperRecord ReplacedPaperRecord(const std::string& id, const std::vector<std::string>& categories,
                                Date day, int64_t position, int version);

// The ids of a day list, in order.
std::vector<std::string> IdsOf(const DayList& list);

}  // namespace coolpapers::store::testing

#endif  // COOLPAPERS_TESTS_SUPPORT_STORE_TEST_RECORDS_H_
