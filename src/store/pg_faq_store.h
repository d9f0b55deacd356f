// FAQ answers in PostgreSQL (tables `faq_answers`, `faq_partial_items` and `paper_texts`,
// pg_migrations/0004); items are JSONB.
#ifndef COOLPAPERS_STORE_PG_FAQ_STORE_H_
#define COOLPAPERS_STORE_PG_FAQ_STORE_H_

#include <memory>
#include <string>

#include "core/error.h"
#include "store/faq_store.h"
#include "store/pg_store.h"

namespace coolpapers::store {

// Connects to the database at `url` and brings the schema up to date, as OpenPgStore does (same
// errors). Safe to share between threads.
[[nodiscard]] Result<std::unique_ptr<FaqStore>> OpenPgFaqStore(
    const std::string& url, const PgOptions& options = {.connections = 2});

}  // namespace coolpapers::store

#endif  // COOLPAPERS_STORE_PG_FAQ_STORE_H_
