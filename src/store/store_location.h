// Where an instance keeps its store, SQLite file or PostgreSQL database, and how each part of the
// store (papers, job queue, harvest state, FAQ answers, translations, venues) is opened there. Commands
// open the store through these, so `[store] url` or `--store` choose the backend in one place.
//
//   sqlite:var/coolpapers.sqlite                 the embedded default (DATA/coolpapers.sqlite)
//   postgresql://coolpapers@db.example/papers    any libpq URI ("postgres://" too)
//   postgresql:///coolpapers?host=/run/postgresql
#ifndef COOLPAPERS_STORE_STORE_LOCATION_H_
#define COOLPAPERS_STORE_STORE_LOCATION_H_

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "core/error.h"
#include "store/faq_store.h"
#include "store/harvest_state.h"
#include "store/job_queue.h"
#include "store/store.h"
#include "store/translation_store.h"
#include "store/venue_store.h"

namespace coolpapers::store {

struct StoreLocation {
  enum class Kind { kSqlite, kPostgres };
  Kind kind = Kind::kSqlite;
  std::filesystem::path sqlite_path;  // kSqlite: the database file
  std::string pg_url;                 // kPostgres: the libpq URI, password included

  // For people and logs: "sqlite:var/coolpapers.sqlite", or the URI without its password.
  std::string Describe() const;
};

StoreLocation SqliteLocation(const std::filesystem::path& path);

// "sqlite:PATH", "postgresql://..." or "postgres://...". kInvalidArgument, quoting the text,
// for anything else or an empty path.
[[nodiscard]] Result<StoreLocation> ParseStoreLocation(std::string_view text);

// Each opens its part at `location` and brings the schema up to date, with the errors of the
// backend's own opener (OpenSqliteStore, OpenPgStore, ...). The results are safe to share
// between threads.
[[nodiscard]] Result<std::unique_ptr<Store>> OpenStoreAt(const StoreLocation& location);
[[nodiscard]] Result<std::unique_ptr<JobQueue>> OpenJobQueueAt(const StoreLocation& location);
[[nodiscard]] Result<std::unique_ptr<HarvestState>> OpenHarvestStateAt(
    const StoreLocation& location);
[[nodiscard]] Result<std::unique_ptr<FaqStore>> OpenFaqStoreAt(const StoreLocation& location);
[[nodiscard]] Result<std::unique_ptr<TranslationStore>> OpenTranslationStoreAt(
    const StoreLocation& location);
[[nodiscard]] Result<std::unique_ptr<VenueStore>> OpenVenueStoreAt(const StoreLocation& location);

}  // namespace coolpapers::store

#endif  // COOLPAPERS_STORE_STORE_LOCATION_H_
