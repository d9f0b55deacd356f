// Translations in the SQLite store file (table `paper_translations`, migration 0011).
#ifndef COOLPAPERS_STORE_SQLITE_TRANSLATION_STORE_H_
#define COOLPAPERS_STORE_SQLITE_TRANSLATION_STORE_H_

#include <filesystem>
#include <memory>

#include "core/error.h"
#include "store/sqlite_store.h"
#include "store/translation_store.h"

namespace coolpapers::store {

// Opens the translations in the database at `path`, bringing the schema up to date as
// OpenSqliteStore does (same errors). The returned store owns its connection and is safe to
// share between threads.
[[nodiscard]] Result<std::unique_ptr<TranslationStore>> OpenSqliteTranslationStore(
    const std::filesystem::path& path, const SqliteOptions& options = {});

}  // namespace coolpapers::store

#endif  // COOLPAPERS_STORE_SQLITE_TRANSLATION_STORE_H_
