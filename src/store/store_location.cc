#include "store/store_location.h"

#include "core/quoted_text.h"
#include "store/pg_error.h"
#include "store/pg_faq_store.h"
#include "store/pg_harvest_state.h"
#include "store/pg_job_queue.h"
#include "store/pg_store.h"
#include "store/pg_translation_store.h"
#include "store/pg_venue_store.h"
#include "store/sqlite_faq_store.h"
#include "store/sqlite_harvest_state.h"
#include "store/sqlite_job_queue.h"
#include "store/sqlite_store.h"
#include "store/sqlite_translation_store.h"
#include "store/sqlite_venue_store.h"

namespace coolpapers::store {
namespace {

constexpr std::string_view kSqlitePrefix = "sqlite:";

// The part opened by the backend's own opener; both take the location's one parameter.
template <class Part, class SqliteOpen, class PgOpen>
Result<std::unique_ptr<Part>> OpenPart(const StoreLocation& location, SqliteOpen sqlite_open,
                                       PgOpen pg_open) {
  if (location.kind == StoreLocation::Kind::kPostgres) return pg_open(location.pg_url);
  return sqlite_open(location.sqlite_path);
}

}  // namespace

std::string StoreLocation::Describe() const {
  if (kind == Kind::kPostgres) return RedactPgUrl(pg_url);
  return std::string(kSqlitePrefix) + sqlite_path.string();
}

StoreLocation SqliteLocation(const std::filesystem::path& path) {
  return StoreLocation{StoreLocation::Kind::kSqlite, path, {}};
}

Result<StoreLocation> ParseStoreLocation(std::string_view text) {
  if (text.starts_with(kSqlitePrefix) && text.size() > kSqlitePrefix.size()) {
    return SqliteLocation(std::filesystem::path(text.substr(kSqlitePrefix.size())));
  }
  if (text.starts_with("postgresql://") || text.starts_with("postgres://")) {
    return StoreLocation{StoreLocation::Kind::kPostgres, {}, std::string(text)};
  }
  return Fail(ErrorCode::kInvalidArgument,
              "invalid store " + QuoteForMessage(RedactPgUrl(text)) +
                  ": expected sqlite:PATH or postgresql://...");
}

Result<std::unique_ptr<Store>> OpenStoreAt(const StoreLocation& location) {
  return OpenPart<Store>(
      location, [](const auto& path) { return OpenSqliteStore(path); },
      [](const auto& url) { return OpenPgStore(url); });
}

Result<std::unique_ptr<JobQueue>> OpenJobQueueAt(const StoreLocation& location) {
  return OpenPart<JobQueue>(
      location, [](const auto& path) { return OpenSqliteJobQueue(path); },
      [](const auto& url) { return OpenPgJobQueue(url); });
}

Result<std::unique_ptr<HarvestState>> OpenHarvestStateAt(const StoreLocation& location) {
  return OpenPart<HarvestState>(
      location, [](const auto& path) { return OpenSqliteHarvestState(path); },
      [](const auto& url) { return OpenPgHarvestState(url); });
}

Result<std::unique_ptr<FaqStore>> OpenFaqStoreAt(const StoreLocation& location) {
  return OpenPart<FaqStore>(
      location, [](const auto& path) { return OpenSqliteFaqStore(path); },
      [](const auto& url) { return OpenPgFaqStore(url); });
}

Result<std::unique_ptr<TranslationStore>> OpenTranslationStoreAt(const StoreLocation& location) {
  return OpenPart<TranslationStore>(
      location, [](const auto& path) { return OpenSqliteTranslationStore(path); },
      [](const auto& url) { return OpenPgTranslationStore(url); });
}

Result<std::unique_ptr<VenueStore>> OpenVenueStoreAt(const StoreLocation& location) {
  return OpenPart<VenueStore>(
      location, [](const auto& path) { return OpenSqliteVenueStore(path); },
      [](const auto& url) { return OpenPgVenueStore(url); });
}

}  // namespace coolpapers::store
