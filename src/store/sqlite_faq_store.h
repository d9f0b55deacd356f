// FAQ answers in the SQLite store file (tables `faq_answers` and `faq_partial_items`, migration
// 0008), and the PDF texts they were read from (`paper_texts`, 0010).
#ifndef COOLPAPERS_STORE_SQLITE_FAQ_STORE_H_
#define COOLPAPERS_STORE_SQLITE_FAQ_STORE_H_

#include <filesystem>
#include <memory>

#include "core/error.h"
#include "store/faq_store.h"
#include "store/sqlite_store.h"

namespace coolpapers::store {

// Opens the FAQ answers in the database at `path`, bringing the schema up to date as
// OpenSqliteStore does (same errors). The returned store owns its connection and is safe to
// share between threads.
[[nodiscard]] Result<std::unique_ptr<FaqStore>> OpenSqliteFaqStore(
    const std::filesystem::path& path, const SqliteOptions& options = {});

}  // namespace coolpapers::store

#endif  // COOLPAPERS_STORE_SQLITE_FAQ_STORE_H_
