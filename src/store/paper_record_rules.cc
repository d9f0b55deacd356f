#include "store/paper_record_rules.h"

#include <string>

#include "core/quoted_text.h"

namespace coolpapers::store {

Result<void> CheckPaperRecord(const PaperRecord& record) {
  const Paper& paper = record.paper;
  if (paper.id.empty()) return Fail(ErrorCode::kInvalidArgument, "a paper record has no id");
  if (paper.categories.empty()) {
    return Fail(ErrorCode::kInvalidArgument,
                "paper " + QuoteForMessage(paper.id) + " has no category: expected at least one");
  }
  for (const Listing& listing : record.listings) {
    if (listing.paper_id != paper.id) {
      return Fail(ErrorCode::kInvalidArgument,
                  "the record of paper " + QuoteForMessage(paper.id) + " lists another paper " +
                      QuoteForMessage(listing.paper_id) + ": expected only its own listings");
    }
  }
  return {};
}

Result<void> CheckPaperRecords(std::span<const PaperRecord> records) {
  for (const PaperRecord& record : records) {
    if (Result<void> checked = CheckPaperRecord(record); !checked) return checked;
  }
  return {};
}

std::optional<Date> FirstListedOf(const PaperRecord& record) {
  std::optional<Date> first = record.paper.first_listed;
  for (const Listing& listing : record.listings) {
    if (listing.type == AnnounceType::kNew && (!first || listing.day < *first)) first = listing.day;
  }
  return first;
}

}  // namespace coolpapers::store
