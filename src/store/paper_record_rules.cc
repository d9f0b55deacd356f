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

std::optional<Result<WriteSummary>> AnswerWithoutWriting(
    std::span<const PaperRecord> records, const std::optional<CategoryDayKey>& replaced_list) {
  if (records.empty() && !replaced_list) return WriteSummary{};
  for (const PaperRecord& record : records) {
    if (Result<void> checked = CheckPaperRecord(record); !checked) {
      return std::unexpected(checked.error());
    }
  }
  return std::nullopt;
}

std::optional<Date> FirstListedOf(const PaperRecord& record) {
  std::optional<Date> first = record.paper.first_listed;
  for (const Listing& listing : record.listings) {
    if (listing.type == AnnounceType::kNew && (!first || listing.day < *first)) first = listing.day;
  }
  return first;
}

}  // namespace coolpapers::store
