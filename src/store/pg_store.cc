#include "store/pg_store.h"

#include <atomic>
#include <cstdint>
#include <utility>

#include "store/pg_migrator.h"
#include "store/pg_page_changes.h"
#include "store/pg_paper_reads.h"
#include "store/pg_paper_writes.h"

namespace coolpapers::store {
namespace {

// Writers need no lock of ours: PostgreSQL orders concurrent transactions itself, and each
// thread borrows its own connection from the pool.
class PgStore final : public Store {
 public:
  explicit PgStore(std::unique_ptr<PgConnectionPool> pool) : pool_(std::move(pool)) {}

  Result<WriteSummary> WriteRecords(std::span<const PaperRecord> records) override {
    return WritePgPaperRecords(*pool_, records);
  }

  Result<WriteSummary> WriteDayList(const CategoryDayKey& list,
                                    std::span<const PaperRecord> records) override {
    return WritePgPaperRecords(*pool_, records, list);
  }

  Result<ClickCounts> AddClick(const std::string& paper_id, ClickKind kind,
                               std::string_view reader, Date day) override {
    // Once a day per process; two processes pruning the same day is harmless.
    const int64_t day_number = day.days().time_since_epoch().count();
    int64_t pruned_on = pruned_on_.load();
    if (day_number > pruned_on && pruned_on_.compare_exchange_strong(pruned_on, day_number)) {
      if (Result<int64_t> pruned = PruneClickReaders(day.AddDays(-kClickReaderDays)); !pruned) {
        return std::unexpected(std::move(pruned.error()));
      }
    }
    return AddPgPaperClick(*pool_, paper_id, kind, reader, day);
  }

  Result<int64_t> PruneClickReaders(Date before) override {
    return PrunePgClickReaders(*pool_, before);
  }

  Result<DayList> ListDay(const CategoryExpr& expr, Date day) override {
    return ReadPgDayList(*pool_, expr, day);
  }

  Result<std::optional<Date>> NewestDay(const CategoryExpr& expr) override {
    return ReadPgNewestDay(*pool_, expr);
  }

  Result<std::vector<Date>> ListingDays(const CategoryExpr& expr) override {
    return ReadPgListingDays(*pool_, expr);
  }

  Result<std::vector<CategoryDay>> NewestDayPerCategory() override {
    return ReadPgNewestDayPerCategory(*pool_);
  }

  Result<std::vector<Paper>> PapersByIds(std::span<const std::string> ids) override {
    return ReadPgPapersByIds(*pool_, ids);
  }

  Result<int64_t> PaperCount() override { return ReadPgPaperCount(*pool_); }

  Result<std::vector<Paper>> PapersAfter(std::string_view after_id, int limit) override {
    return ReadPgPapersAfter(*pool_, after_id, limit);
  }

  Result<PaperChanges> PaperChangesSince(uint64_t since, int limit) override {
    return ReadPgPaperChangesSince(*pool_, since, limit);
  }

  Result<uint64_t> LatestPaperChange() override { return ReadPgLatestPaperChange(*pool_); }

  Result<std::vector<PaperSearchText>> SearchTexts(std::span<const std::string> ids) override {
    return ReadPgSearchTexts(*pool_, ids);
  }

  Result<std::vector<ClickCounts>> ClicksFor(std::span<const std::string> ids) override {
    return ReadPgClicks(*pool_, ids);
  }

  Result<uint64_t> ChangeStamp() override { return ReadPgChangeStamp(*pool_); }

  Result<PageChanges> PageChangesSince(uint64_t since, int limit) override {
    return ReadPgPageChangesSince(*pool_, since, limit);
  }

  Result<uint64_t> LatestPageChange() override { return ReadPgLatestPageChange(*pool_); }

 private:
  std::unique_ptr<PgConnectionPool> pool_;
  std::atomic<int64_t> pruned_on_{INT64_MIN};  // the day (since 1970) AddClick last pruned
};

}  // namespace

Result<std::unique_ptr<Store>> OpenPgStore(const std::string& url, const PgOptions& options) {
  auto pool = OpenMigratedPgPool(url, options.connections);
  if (!pool) return std::unexpected(std::move(pool.error()));
  return std::make_unique<PgStore>(std::move(*pool));
}

}  // namespace coolpapers::store
