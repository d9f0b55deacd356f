// The rules every store applies to a PaperRecord before and while writing it (store.h), shared
// by the SQLite and PostgreSQL writers so both accept and store exactly the same records.
#ifndef COOLPAPERS_STORE_PAPER_RECORD_RULES_H_
#define COOLPAPERS_STORE_PAPER_RECORD_RULES_H_

#include <optional>
#include <span>

#include "core/date.h"
#include "core/error.h"
#include "core/paper.h"

namespace coolpapers::store {

// kInvalidArgument, naming the paper, for a record without id or categories or with a listing
// of another paper.
[[nodiscard]] Result<void> CheckPaperRecord(const PaperRecord& record);
// Every record of a batch, before any is written: the first one's error.
[[nodiscard]] Result<void> CheckPaperRecords(std::span<const PaperRecord> records);

// The earliest day the record shows the paper as new, from the paper itself or its listings;
// std::nullopt when it shows none.
std::optional<Date> FirstListedOf(const PaperRecord& record);

}  // namespace coolpapers::store

#endif  // COOLPAPERS_STORE_PAPER_RECORD_RULES_H_
