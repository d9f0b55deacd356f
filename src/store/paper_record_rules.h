// The rules every store applies to a PaperRecord before and while writing it (store.h), shared
// by the SQLite and PostgreSQL writers so both accept and store exactly the same records.
#ifndef COOLPAPERS_STORE_PAPER_RECORD_RULES_H_
#define COOLPAPERS_STORE_PAPER_RECORD_RULES_H_

#include <optional>
#include <span>

#include "core/date.h"
#include "core/error.h"
#include "core/paper.h"
#include "store/store.h"

namespace coolpapers::store {

// kInvalidArgument, naming the paper, for a record without id or categories or with a listing
// of another paper.
[[nodiscard]] Result<void> CheckPaperRecord(const PaperRecord& record);
// A batch for Store::WriteRecords (both backends) that needs no transaction: an empty summary
// when there is nothing to write, or the first invalid record's error; nullopt when the batch
// is to be written.
std::optional<Result<WriteSummary>> AnswerWithoutWriting(
    std::span<const PaperRecord> records, const std::optional<CategoryDayKey>& replaced_list);

// The earliest day the record shows the paper as new, from the paper itself or its listings;
// std::nullopt when it shows none.
std::optional<Date> FirstListedOf(const PaperRecord& record);

}  // namespace coolpapers::store

#endif  // COOLPAPERS_STORE_PAPER_RECORD_RULES_H_
