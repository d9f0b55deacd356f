// Translations in PostgreSQL (table `paper_translations`, pg_migrations/0004).
#ifndef COOLPAPERS_STORE_PG_TRANSLATION_STORE_H_
#define COOLPAPERS_STORE_PG_TRANSLATION_STORE_H_

#include <memory>
#include <string>

#include "core/error.h"
#include "store/pg_store.h"
#include "store/translation_store.h"

namespace coolpapers::store {

// Connects to the database at `url` and brings the schema up to date, as OpenPgStore does (same
// errors). Safe to share between threads.
[[nodiscard]] Result<std::unique_ptr<TranslationStore>> OpenPgTranslationStore(
    const std::string& url, const PgOptions& options = {.connections = 2});

}  // namespace coolpapers::store

#endif  // COOLPAPERS_STORE_PG_TRANSLATION_STORE_H_
