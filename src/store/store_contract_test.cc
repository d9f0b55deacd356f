// The behaviour every Store implementation must have, run against each one through a backend
// factory. A PostgreSQL store joins by adding its backend to INSTANTIATE_TEST_SUITE_P below.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <functional>
#include <memory>
#include <ostream>
#include <string>
#include <thread>
#include <vector>

#include "core/category_expr.h"
#include <pqxx/connection>
#include <pqxx/nontransaction>

#include "store/pg_store.h"
#include "store/sqlite_connection.h"
#include "store/sqlite_store.h"
#include "store/store.h"
#include "tests/support/store_test_records.h"
#include "tests/support/pg_test_server.h"
#include "tests/support/temp_dir.h"

namespace coolpapers::store {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using testing::Day;
using testing::IdsOf;
using testing::NewPaperRecord;
using testing::ReplacedPaperRecord;

struct StoreBackend {
  std::string name;
  // Opens the store kept under `dir`, creating it on first use; opening the same dir again
  // gives a second store on the same data (as another process would).
  std::function<Result<std::unique_ptr<Store>>(const std::filesystem::path& dir)> open;
  // Marks the data under `dir` as written by a future coolpapers (a newer schema).
  std::function<void(const std::filesystem::path& dir)> stamp_future_schema;
  // Why the backend cannot run here (its server is not installed), or std::nullopt.
  std::function<std::optional<std::string>()> skip_reason = [] { return std::nullopt; };
};

// Names the backend in test output (gtest would otherwise dump its bytes).
void PrintTo(const StoreBackend& backend, std::ostream* out) { *out << backend.name; }

StoreBackend SqliteBackend() {
  return {
      "Sqlite",
      [](const std::filesystem::path& dir) { return OpenSqliteStore(dir / "store.sqlite"); },
      [](const std::filesystem::path& dir) {
        auto connection = SqliteConnection::Open(dir / "store.sqlite",
                                                 SqliteConnection::Mode::kReadWrite, 1000);
        ASSERT_TRUE(connection) << connection.error().detail;
        ASSERT_TRUE(connection->Execute("PRAGMA user_version = 9999"));
      },
  };
}

StoreBackend PgBackend() {
  return {
      "Postgres",
      [](const std::filesystem::path& dir) {
        return OpenPgStore(coolpapers::testing::PgTestDatabaseUrl(dir));
      },
      [](const std::filesystem::path& dir) {
        pqxx::connection connection(coolpapers::testing::PgTestDatabaseUrl(dir));
        pqxx::nontransaction(connection).exec0("UPDATE coolpapers_schema SET version = 9999");
      },
      coolpapers::testing::PgTestSkipReason,
  };
}

class StoreContractTest : public ::testing::TestWithParam<StoreBackend> {
 protected:
  void SetUp() override {
    if (auto reason = GetParam().skip_reason()) GTEST_SKIP() << *reason;
    store_ = Open();
  }

  std::unique_ptr<Store> Open() {
    auto store = GetParam().open(dir_.path());
    if (!store) ADD_FAILURE() << store.error().message << " / " << store.error().detail;
    return store ? std::move(*store) : nullptr;
  }

  WriteSummary Write(const std::vector<PaperRecord>& records) {
    auto summary = store_->WriteRecords(records);
    if (!summary) ADD_FAILURE() << summary.error().message << " / " << summary.error().detail;
    return summary.value_or(WriteSummary{});
  }

  DayList List(std::string_view expr, std::string_view day) {
    auto list = store_->ListDay(ParseCategoryExpr(expr).value(), Day(day));
    if (!list) ADD_FAILURE() << list.error().message << " / " << list.error().detail;
    return list.value_or(DayList{});
  }

  std::vector<Paper> Papers(const std::vector<std::string>& ids) {
    auto papers = store_->PapersByIds(ids);
    if (!papers) ADD_FAILURE() << papers.error().message << " / " << papers.error().detail;
    return papers.value_or(std::vector<Paper>{});
  }

  coolpapers::testing::TempDir dir_;
  std::unique_ptr<Store> store_;
};

TEST_P(StoreContractTest, OpensEmptyStoreFromNothing) {
  ASSERT_NE(store_, nullptr);
  EXPECT_EQ(store_->PaperCount().value(), 0);
  EXPECT_TRUE(store_->ChangeStamp().has_value());
  EXPECT_THAT(store_->NewestDayPerCategory().value(), IsEmpty());
}

TEST_P(StoreContractTest, KeepsDataWhenReopened) {
  Write({NewPaperRecord("2505.00001", {"cs.CL"}, Day("2025-05-14"), 1)});
  store_.reset();
  store_ = Open();
  EXPECT_EQ(store_->PaperCount().value(), 1);
}

TEST_P(StoreContractTest, RefusesDataFromFutureSchema) {
  store_.reset();
  GetParam().stamp_future_schema(dir_.path());
  auto reopened = GetParam().open(dir_.path());
  ASSERT_FALSE(reopened);
  EXPECT_EQ(reopened.error().code, ErrorCode::kCorrupt);
  EXPECT_THAT(reopened.error().message, ::testing::HasSubstr("newer"));
}

// The harvested feed is the authority on its day's list: a corrected feed replaces it.
TEST_P(StoreContractTest, WriteDayListReplacesThatListOnly) {
  Write({NewPaperRecord("2505.00001", {"cs.CL"}, Day("2025-05-14"), 0),
         NewPaperRecord("2505.00002", {"cs.CL", "cs.AI"}, Day("2025-05-14"), 1),
         NewPaperRecord("2505.00003", {"cs.CL"}, Day("2025-05-13"), 0)});
  const uint64_t stamp = store_->ChangeStamp().value();

  // The corrected list: 2505.00004 on top, 2505.00002 next, 2505.00001 gone from cs.CL.
  PaperRecord top = NewPaperRecord("2505.00004", {"cs.CL"}, Day("2025-05-14"), 0);
  PaperRecord second = NewPaperRecord("2505.00002", {"cs.CL", "cs.AI"}, Day("2025-05-14"), 1);
  std::erase_if(second.listings, [](const Listing& l) { return l.category != "cs.CL"; });
  auto written = store_->WriteDayList({"cs.CL", Day("2025-05-14")}, std::vector{top, second});
  ASSERT_TRUE(written) << written.error().message;

  EXPECT_EQ(IdsOf(List("cs.CL", "2025-05-14")), (std::vector<std::string>{"2505.00004", "2505.00002"}));
  EXPECT_EQ(IdsOf(List("cs.AI", "2025-05-14")), (std::vector<std::string>{"2505.00002"}));
  EXPECT_EQ(IdsOf(List("cs.CL", "2025-05-13")), (std::vector<std::string>{"2505.00003"}));
  EXPECT_EQ(Papers({"2505.00001"}).size(), 1u) << "the paper stays; only its listing went";
  EXPECT_GT(store_->ChangeStamp().value(), stamp);

  // An empty corrected list empties the day, and that is a change too.
  const uint64_t before_empty = store_->ChangeStamp().value();
  ASSERT_TRUE(store_->WriteDayList({"cs.CL", Day("2025-05-14")}, {}));
  EXPECT_THAT(List("cs.CL", "2025-05-14").papers, IsEmpty());
  EXPECT_GT(store_->ChangeStamp().value(), before_empty);
}

// What a harvested day changed, as every node's page cache reads it: that list and its papers,
// nothing of other categories; writing the same again records nothing.
TEST_P(StoreContractTest, RecordsTheListsAndPapersAWriteChanged) {
  Write({NewPaperRecord("2505.00001", {"cs.AI"}, Day("2025-05-14"), 0),
         NewPaperRecord("2505.00002", {"cs.CL"}, Day("2025-05-14"), 0)});
  const uint64_t start = store_->LatestPageChange().value();
  EXPECT_GT(start, 0u);

  const std::vector<PaperRecord> day = {
      NewPaperRecord("2505.00003", {"cs.CL"}, Day("2025-05-15"), 0)};
  ASSERT_TRUE(store_->WriteDayList({"cs.CL", Day("2025-05-15")}, day));
  auto changes = store_->PageChangesSince(start, 100);
  ASSERT_TRUE(changes) << changes.error().message;
  EXPECT_FALSE(changes->pruned);
  std::vector<std::string> seen;
  for (const PageChange& change : changes->changes) {
    if (change.list) {
      seen.push_back(change.list->category + "@" + change.list->day.ToIso());
    } else {
      seen.push_back(change.paper_id);
    }
  }
  EXPECT_THAT(seen, ::testing::UnorderedElementsAre("cs.CL@2025-05-15", "2505.00003"));
  EXPECT_EQ(changes->last_sequence, store_->LatestPageChange().value());

  ASSERT_TRUE(store_->WriteDayList({"cs.CL", Day("2025-05-15")}, day));
  auto again = store_->PageChangesSince(changes->last_sequence, 100);
  ASSERT_TRUE(again);
  EXPECT_THAT(again->changes, IsEmpty());
  EXPECT_EQ(again->last_sequence, changes->last_sequence);

  // Paging: one at a time, in order.
  auto first = store_->PageChangesSince(start, 1);
  ASSERT_TRUE(first);
  ASSERT_EQ(first->changes.size(), 1u);
  EXPECT_LT(first->last_sequence, changes->last_sequence);
  EXPECT_FALSE(store_->PageChangesSince(start, 0).has_value());
}

TEST_P(StoreContractTest, WritingTwiceChangesNothing) {
  const std::vector<PaperRecord> records = {
      NewPaperRecord("2505.00001", {"cs.CL", "cs.AI"}, Day("2025-05-14"), 1),
      NewPaperRecord("2505.00002", {"cs.AI"}, Day("2025-05-14"), 2),
  };
  const WriteSummary first = Write(records);
  EXPECT_EQ(first.papers_inserted, 2);
  EXPECT_EQ(first.listings_written, 3);
  const DayList list_before = List("cs.AI", "2025-05-14");
  const std::vector<Paper> papers_before = Papers({"2505.00001", "2505.00002"});

  const uint64_t stamp_before = store_->ChangeStamp().value();
  const uint64_t change_before = store_->LatestPaperChange().value();
  const WriteSummary second = Write(records);
  EXPECT_EQ(second.papers_inserted, 0);
  EXPECT_EQ(second.papers_updated, 0);
  EXPECT_EQ(second.papers_unchanged, 2);  // the same records: nothing to write
  EXPECT_EQ(second.listings_written, 0);
  EXPECT_EQ(store_->ChangeStamp().value(), stamp_before);
  EXPECT_EQ(store_->LatestPaperChange().value(), change_before);
  EXPECT_EQ(IdsOf(List("cs.AI", "2025-05-14")), IdsOf(list_before));
  const std::vector<Paper> papers_after = Papers({"2505.00001", "2505.00002"});
  ASSERT_EQ(papers_after.size(), papers_before.size());
  for (size_t i = 0; i < papers_after.size(); ++i) {
    EXPECT_EQ(papers_after[i].title, papers_before[i].title);
    EXPECT_EQ(papers_after[i].versions.size(), papers_before[i].versions.size());
  }
  EXPECT_EQ(store_->PaperCount().value(), 2);
}

TEST_P(StoreContractTest, EqualVersionWithOtherFieldsOrDatesIsAnUpdate) {
  PaperRecord record = NewPaperRecord("2505.00001", {"cs.CL"}, Day("2025-05-14"), 1, 1);
  Write({record});
  record.paper.title = "Corrected title";
  EXPECT_EQ(Write({record}).papers_updated, 1);
  EXPECT_EQ(Papers({"2505.00001"})[0].title, "Corrected title");
  ASSERT_FALSE(record.paper.versions.empty());
  record.paper.versions.front().submitted += std::chrono::hours(1);
  const WriteSummary redated = Write({record});
  EXPECT_EQ(redated.papers_updated, 1);
  EXPECT_EQ(redated.papers_unchanged, 0);
  EXPECT_EQ(Papers({"2505.00001"})[0].versions.front().submitted,
            record.paper.versions.front().submitted);
  EXPECT_EQ(Write({record}).papers_unchanged, 1);
}

TEST_P(StoreContractTest, NewerVersionReplacesPaper) {
  Write({NewPaperRecord("2505.00001", {"cs.CL"}, Day("2025-05-14"), 1, 1)});
  const WriteSummary summary =
      Write({ReplacedPaperRecord("2505.00001", {"cs.CL", "cs.LG"}, Day("2025-05-20"), 4, 2)});
  EXPECT_EQ(summary.papers_updated, 1);
  const std::vector<Paper> papers = Papers({"2505.00001"});
  ASSERT_EQ(papers.size(), 1u);
  EXPECT_EQ(papers[0].version, 2);
  EXPECT_EQ(papers[0].title, "Paper 2505.00001 v2");
  EXPECT_THAT(papers[0].categories, ElementsAre("cs.CL", "cs.LG"));
  EXPECT_EQ(papers[0].versions.size(), 2u);
}

TEST_P(StoreContractTest, OlderVersionKeepsPaperButAddsListings) {
  Write({ReplacedPaperRecord("2505.00001", {"cs.CL"}, Day("2025-05-20"), 1, 2)});
  const WriteSummary summary =
      Write({NewPaperRecord("2505.00001", {"cs.CL"}, Day("2025-05-14"), 1, 1)});
  EXPECT_EQ(summary.papers_unchanged, 1);
  EXPECT_EQ(summary.listings_written, 1);
  EXPECT_EQ(Papers({"2505.00001"})[0].title, "Paper 2505.00001 v2");
  EXPECT_THAT(IdsOf(List("cs.CL", "2025-05-14")), ElementsAre("2505.00001"));
}

TEST_P(StoreContractTest, UnknownVersionNeverReplacesKnownOne) {
  Write({NewPaperRecord("2505.00001", {"cs.CL"}, Day("2025-05-14"), 1, 2)});
  PaperRecord unknown = NewPaperRecord("2505.00001", {"cs.CL"}, Day("2025-05-14"), 1, 0);
  unknown.paper.title = "From a daily listing";
  EXPECT_EQ(Write({unknown}).papers_unchanged, 1);
  EXPECT_EQ(Papers({"2505.00001"})[0].version, 2);

  Write({NewPaperRecord("2505.00009", {"cs.CL"}, Day("2025-05-14"), 2, 0)});
  PaperRecord also_unknown = NewPaperRecord("2505.00009", {"cs.CL"}, Day("2025-05-14"), 2, 0);
  also_unknown.paper.title = "Corrected title";
  EXPECT_EQ(Write({also_unknown}).papers_updated, 1);
  EXPECT_EQ(Papers({"2505.00009"})[0].title, "Corrected title");
}

TEST_P(StoreContractTest, RejectsRecordWithoutCategoriesAndWritesNothing) {
  PaperRecord broken = NewPaperRecord("2505.00002", {"cs.CL"}, Day("2025-05-14"), 2);
  broken.paper.categories.clear();
  auto summary = store_->WriteRecords(std::vector<PaperRecord>{
      NewPaperRecord("2505.00001", {"cs.CL"}, Day("2025-05-14"), 1), broken});
  ASSERT_FALSE(summary);
  EXPECT_EQ(summary.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(store_->PaperCount().value(), 0);
}

TEST_P(StoreContractTest, ListsNewThenCrossThenReplaceEachByPosition) {
  const Date day = Day("2025-05-14");
  Write({
      ReplacedPaperRecord("2501.00001", {"cs.CL"}, day, 1, 3),
      NewPaperRecord("2505.00003", {"cs.AI", "cs.CL"}, day, 2),
      NewPaperRecord("2505.00002", {"cs.CL"}, day, 5),
      NewPaperRecord("2505.00001", {"cs.CL"}, day, 3),
      NewPaperRecord("2505.00004", {"cs.LG", "cs.CL"}, day, 1),
  });
  const DayList list = List("cs.CL", "2025-05-14");
  EXPECT_EQ(list.day, day);
  EXPECT_THAT(IdsOf(list),
              ElementsAre("2505.00001", "2505.00002", "2505.00004", "2505.00003", "2501.00001"));
  ASSERT_EQ(list.papers.size(), 5u);
  EXPECT_EQ(list.papers[0].type, AnnounceType::kNew);
  EXPECT_EQ(list.papers[2].type, AnnounceType::kCross);
  EXPECT_EQ(list.papers[4].type, AnnounceType::kReplace);
}

TEST_P(StoreContractTest, BreaksPositionTiesById) {
  const Date day = Day("2025-05-14");
  Write({NewPaperRecord("2505.00009", {"cs.CL"}, day, 7),
         NewPaperRecord("2505.00001", {"cs.CL"}, day, 7)});
  EXPECT_THAT(IdsOf(List("cs.CL", "2025-05-14")), ElementsAre("2505.00001", "2505.00009"));
}

TEST_P(StoreContractTest, UnionListsEachPaperOnceWithItsBestType) {
  const Date day = Day("2025-05-14");
  Write({
      NewPaperRecord("2505.00001", {"cs.CL", "cs.AI"}, day, 2),  // new in cs.CL, cross in cs.AI
      NewPaperRecord("2505.00002", {"cs.AI"}, day, 1),
      NewPaperRecord("2505.00003", {"cs.LG", "cs.AI"}, day, 3),  // cross in both
  });
  const DayList list = List("cs.AI,cs.CL", "2025-05-14");
  EXPECT_THAT(IdsOf(list), ElementsAre("2505.00002", "2505.00001", "2505.00003"));
  EXPECT_EQ(list.papers[1].type, AnnounceType::kNew);
  EXPECT_EQ(list.papers[2].type, AnnounceType::kCross);
}

TEST_P(StoreContractTest, UnionMinusDropsPapersHavingAnExcludedCategory) {
  const Date day = Day("2025-05-14");
  // 2505.00002 is in cs.CY but listed only in cs.AI on this day: the paper's categories count.
  PaperRecord listed_in_ai_only = NewPaperRecord("2505.00002", {"cs.AI", "cs.CY"}, day, 2);
  listed_in_ai_only.listings.pop_back();
  Write({
      NewPaperRecord("2505.00001", {"cs.AI"}, day, 1),
      listed_in_ai_only,
      NewPaperRecord("2505.00003", {"cs.LG"}, day, 3),
      NewPaperRecord("2505.00004", {"cs.LG", "econ.GN"}, day, 4),
  });
  EXPECT_THAT(IdsOf(List("cs.AI+cs.LG-cs.CY-econ.GN", "2025-05-14")),
              ElementsAre("2505.00001", "2505.00003"));
}

TEST_P(StoreContractTest, AliasesResolveToTheCanonicalCategory) {
  const Date day = Day("2025-05-14");
  Write({NewPaperRecord("2505.00002", {"eess.SY"}, day, 2),
         NewPaperRecord("2505.00001", {"cs.RO", "eess.SY"}, day, 1)});
  EXPECT_THAT(IdsOf(List("cs.SY", "2025-05-14")), ElementsAre("2505.00002", "2505.00001"));
}

TEST_P(StoreContractTest, ListsNothingOnADayWithoutListings) {
  Write({NewPaperRecord("2505.00001", {"cs.CL"}, Day("2025-05-14"), 1)});
  const DayList list = List("cs.CL", "2025-05-15");
  EXPECT_EQ(list.day, Day("2025-05-15"));
  EXPECT_THAT(list.papers, IsEmpty());
}

TEST_P(StoreContractTest, KeepsBestListingWhateverTheWriteOrder) {
  const Date day = Day("2025-05-14");
  Write({ReplacedPaperRecord("2505.00001", {"cs.CL"}, day, 1, 2)});
  EXPECT_EQ(Write({NewPaperRecord("2505.00001", {"cs.CL"}, day, 9, 1)}).listings_written, 1);
  EXPECT_EQ(Write({ReplacedPaperRecord("2505.00001", {"cs.CL"}, day, 1, 2)}).listings_written, 0);
  EXPECT_EQ(List("cs.CL", "2025-05-14").papers.at(0).type, AnnounceType::kNew);
}

TEST_P(StoreContractTest, FindsNewestDayOfAnyIncludedCategory) {
  Write({NewPaperRecord("2505.00001", {"cs.CL"}, Day("2025-05-14"), 1),
         NewPaperRecord("2505.00002", {"cs.AI"}, Day("2025-05-16"), 1),
         NewPaperRecord("2505.00003", {"cs.LG"}, Day("2025-05-20"), 1)});
  EXPECT_EQ(store_->NewestDay(ParseCategoryExpr("cs.CL,cs.AI").value()).value(), Day("2025-05-16"));
  EXPECT_EQ(store_->NewestDay(ParseCategoryExpr("cs.CL").value()).value(), Day("2025-05-14"));
  EXPECT_EQ(store_->NewestDay(ParseCategoryExpr("math.AG").value()).value(), std::nullopt);
}

TEST_P(StoreContractTest, ListsDaysWithListingsAscending) {
  Write({NewPaperRecord("2505.00003", {"cs.CL"}, Day("2025-05-20"), 1),
         NewPaperRecord("2505.00001", {"cs.CL"}, Day("2025-05-14"), 1),
         NewPaperRecord("2505.00004", {"cs.CL"}, Day("2025-05-14"), 2),
         NewPaperRecord("2505.00002", {"cs.AI"}, Day("2025-05-16"), 1),
         NewPaperRecord("2505.00005", {"cs.LG"}, Day("2025-05-18"), 1)});
  EXPECT_THAT(store_->ListingDays(ParseCategoryExpr("cs.CL,cs.AI").value()).value(),
              ElementsAre(Day("2025-05-14"), Day("2025-05-16"), Day("2025-05-20")));
  EXPECT_THAT(store_->ListingDays(ParseCategoryExpr("math.AG").value()).value(), IsEmpty());
}

TEST_P(StoreContractTest, CountsEachCategorysNewestDay) {
  Write({NewPaperRecord("2505.00001", {"cs.CL", "cs.AI"}, Day("2025-05-14"), 1),
         NewPaperRecord("2505.00002", {"cs.CL"}, Day("2025-05-15"), 1),
         NewPaperRecord("2505.00003", {"cs.AI"}, Day("2025-05-15"), 2),
         NewPaperRecord("2505.00004", {"cs.CL", "cs.AI"}, Day("2025-05-15"), 3)});
  auto days = store_->NewestDayPerCategory();
  ASSERT_TRUE(days);
  ASSERT_EQ(days->size(), 2u);
  EXPECT_EQ((*days)[0].category, "cs.AI");
  EXPECT_EQ((*days)[0].newest_day, Day("2025-05-15"));
  EXPECT_EQ((*days)[0].paper_count, 2);
  EXPECT_EQ((*days)[1].category, "cs.CL");
  EXPECT_EQ((*days)[1].paper_count, 2);
}

// The days, newest days and counts are kept apart from the listings (listing_days): every write
// must keep them equal to what the listings say.
TEST_P(StoreContractTest, DaysAndCountsFollowEveryWriteOfTheListings) {
  const CategoryExpr cl = ParseCategoryExpr("cs.CL").value();
  const auto cl_count = [&] {
    const std::vector<CategoryDay> days = store_->NewestDayPerCategory().value();
    for (const CategoryDay& day : days) {
      if (day.category == "cs.CL") return std::pair(day.newest_day, day.paper_count);
    }
    return std::pair(Date(), int64_t{-1});
  };
  Write({NewPaperRecord("2505.00001", {"cs.CL"}, Day("2025-05-14"), 1),
         NewPaperRecord("2505.00002", {"cs.CL"}, Day("2025-05-15"), 1),
         NewPaperRecord("2505.00003", {"cs.CL", "cs.AI"}, Day("2025-05-15"), 2)});
  // Writing the same listings again, or a better position for one, counts nothing twice.
  Write({NewPaperRecord("2505.00002", {"cs.CL"}, Day("2025-05-15"), 1),
         NewPaperRecord("2505.00003", {"cs.CL", "cs.AI"}, Day("2025-05-15"), 0)});
  EXPECT_EQ(cl_count(), std::pair(Day("2025-05-15"), int64_t{2}));

  // A corrected list with one paper fewer.
  PaperRecord kept = NewPaperRecord("2505.00002", {"cs.CL"}, Day("2025-05-15"), 0);
  ASSERT_TRUE(store_->WriteDayList({"cs.CL", Day("2025-05-15")}, std::vector{kept}));
  EXPECT_EQ(cl_count(), std::pair(Day("2025-05-15"), int64_t{1}));

  // An emptied newest day is no day at all: the one before is the newest again.
  ASSERT_TRUE(store_->WriteDayList({"cs.CL", Day("2025-05-15")}, {}));
  EXPECT_THAT(store_->ListingDays(cl).value(), ElementsAre(Day("2025-05-14")));
  EXPECT_EQ(store_->NewestDay(cl).value(), Day("2025-05-14"));
  EXPECT_EQ(cl_count(), std::pair(Day("2025-05-14"), int64_t{1}));
  EXPECT_EQ(store_->NewestDay(ParseCategoryExpr("cs.AI").value()).value(), Day("2025-05-15"))
      << "the other category keeps its listing of that day";
}

TEST_P(StoreContractTest, ReturnsPapersInTheOrderAskedWithoutMissingOnes) {
  Write({NewPaperRecord("2505.00001", {"cs.CL"}, Day("2025-05-14"), 1),
         NewPaperRecord("2505.00002", {"cs.AI"}, Day("2025-05-14"), 2)});
  const std::vector<Paper> papers = Papers({"2505.00002", "9999.99999", "2505.00001"});
  ASSERT_EQ(papers.size(), 2u);
  EXPECT_EQ(papers[0].id, "2505.00002");
  EXPECT_EQ(papers[1].id, "2505.00001");
}

TEST_P(StoreContractTest, RoundTripsEveryPaperField) {
  PaperRecord record = NewPaperRecord("0704.0001", {"hep-ph", "hep-th"}, Day("2007-04-03"), 1, 2);
  record.paper.title = "Calculation of prompt diphoton production cross sections";
  record.paper.authors = {"C. Balázs", "E. L. Berger", "P. M. Nadolsky", "C.-P. Yuan"};
  record.paper.affiliations = {"Southern Methodist University", "", "", "Michigan State, MSU"};
  record.paper.comments = "37 pages, 15 figures; published version";
  record.paper.journal_ref = "Phys.Rev.D76:013009,2007";
  record.paper.doi = "10.1103/PhysRevD.76.013009";
  record.paper.license = "http://arxiv.org/licenses/nonexclusive-distrib/1.0/";
  Write({record});

  const std::vector<Paper> papers = Papers({"0704.0001"});
  ASSERT_EQ(papers.size(), 1u);
  const Paper& paper = papers[0];
  EXPECT_EQ(paper.version, 2);
  EXPECT_EQ(paper.title, record.paper.title);
  EXPECT_EQ(paper.authors, record.paper.authors);
  EXPECT_EQ(paper.affiliations, record.paper.affiliations);
  EXPECT_EQ(paper.abstract, record.paper.abstract);
  EXPECT_EQ(paper.categories, record.paper.categories);
  EXPECT_EQ(paper.comments, record.paper.comments);
  EXPECT_EQ(paper.journal_ref, record.paper.journal_ref);
  EXPECT_EQ(paper.doi, record.paper.doi);
  EXPECT_EQ(paper.license, record.paper.license);
  ASSERT_EQ(paper.versions.size(), 2u);
  EXPECT_EQ(paper.versions[0].number, 1);
  EXPECT_EQ(paper.versions[0].submitted, record.paper.versions[0].submitted);
  EXPECT_EQ(paper.versions[1].submitted, record.paper.versions[1].submitted);
  EXPECT_EQ(paper.first_listed, Day("2007-04-03"));
}

TEST_P(StoreContractTest, KeepsNoAffiliationsWhenNoAuthorHasOne) {
  PaperRecord record = NewPaperRecord("2505.00001", {"cs.CL"}, Day("2025-05-13"), 1, 1);
  record.paper.authors = {"A. One", "B. Two"};
  record.paper.affiliations = {"", ""};
  Write({record});
  const std::vector<Paper> papers = Papers({"2505.00001"});
  ASSERT_EQ(papers.size(), 1u);
  EXPECT_EQ(papers[0].authors, record.paper.authors);
  EXPECT_TRUE(papers[0].affiliations.empty());
}

TEST_P(StoreContractTest, KeepsEarliestNewDayAsFirstListed) {
  Write({NewPaperRecord("2505.00001", {"cs.CL"}, Day("2025-05-20"), 1)});
  Write({NewPaperRecord("2505.00001", {"cs.CL"}, Day("2025-05-14"), 1)});
  Write({ReplacedPaperRecord("2505.00001", {"cs.CL"}, Day("2025-05-10"), 1, 2)});
  EXPECT_EQ(Papers({"2505.00001"})[0].first_listed, Day("2025-05-14"));
}

TEST_P(StoreContractTest, CountsClicksPerKind) {
  Write({NewPaperRecord("2505.00001", {"cs.CL"}, Day("2025-05-14"), 1)});
  ASSERT_TRUE(
      store_->AddClick("2505.00001", ClickKind::kPdf, "reader-one-0000001", Day("2025-05-14")));
  ASSERT_TRUE(
      store_->AddClick("2505.00001", ClickKind::kPdf, "reader-two-0000002", Day("2025-05-14")));
  ASSERT_TRUE(
      store_->AddClick("2505.00001", ClickKind::kFaq, "reader-one-0000001", Day("2025-05-14")));
  const std::vector<std::string> ids = {"2505.00001", "2505.09999"};
  auto clicks = store_->ClicksFor(ids);
  ASSERT_TRUE(clicks);
  ASSERT_EQ(clicks->size(), 2u);
  EXPECT_EQ((*clicks)[0].pdf, 2);
  EXPECT_EQ((*clicks)[0].faq, 1);
  EXPECT_EQ((*clicks)[1].pdf, 0);
  EXPECT_EQ((*clicks)[1].faq, 0);
}

TEST_P(StoreContractTest, CountsAReaderOncePerPaperKindAndDay) {
  Write({NewPaperRecord("2505.00001", {"cs.CL"}, Day("2025-05-14"), 1),
         NewPaperRecord("2505.00002", {"cs.CL"}, Day("2025-05-14"), 2)});
  const struct {
    std::string paper_id;
    ClickKind kind;
    std::string reader;
    std::string day;
    int64_t pdf_after;
    int64_t faq_after;
  } kClicks[] = {
      {"2505.00001", ClickKind::kPdf, "reader-one-0000001", "2025-05-14", 1, 0},
      {"2505.00001", ClickKind::kPdf, "reader-one-0000001", "2025-05-14", 1, 0},  // same day
      {"2505.00001", ClickKind::kFaq, "reader-one-0000001", "2025-05-14", 1, 1},  // other kind
      {"2505.00001", ClickKind::kFaq, "reader-one-0000001", "2025-05-14", 1, 1},
      {"2505.00001", ClickKind::kPdf, "reader-two-0000002", "2025-05-14", 2, 1},  // other reader
      {"2505.00001", ClickKind::kPdf, "reader-one-0000001", "2025-05-15", 3, 1},  // next day
      {"2505.00001", ClickKind::kPdf, "reader-one-0000001", "2025-05-15", 3, 1},
      {"2505.00002", ClickKind::kPdf, "reader-one-0000001", "2025-05-14", 1, 0},  // other paper
  };
  for (const auto& click : kClicks) {
    auto counts = store_->AddClick(click.paper_id, click.kind, click.reader, Day(click.day));
    ASSERT_TRUE(counts) << counts.error().message << " / " << counts.error().detail;
    EXPECT_EQ(counts->pdf, click.pdf_after)
        << click.paper_id << " " << click.reader << " " << click.day;
    EXPECT_EQ(counts->faq, click.faq_after)
        << click.paper_id << " " << click.reader << " " << click.day;
  }
  const std::vector<std::string> ids = {"2505.00001", "2505.00002"};
  auto clicks = store_->ClicksFor(ids);
  ASSERT_TRUE(clicks);
  EXPECT_EQ((*clicks)[0].pdf, 3);
  EXPECT_EQ((*clicks)[0].faq, 1);
  EXPECT_EQ((*clicks)[1].pdf, 1);
  EXPECT_EQ((*clicks)[1].faq, 0);
}

// Issue #18 finding 7: paper_click_readers grew for ever. The first click of a day forgets
// the readers of days before the last kClickReaderDays; the counts stay.
TEST_P(StoreContractTest, PrunesClickReadersOfPastDays) {
  Write({NewPaperRecord("2505.00001", {"cs.CL"}, Day("2025-05-14"), 1)});
  ASSERT_TRUE(store_->AddClick("2505.00001", ClickKind::kPdf, "reader-one-0000001", Day("2025-05-10")));
  ASSERT_TRUE(store_->AddClick("2505.00001", ClickKind::kPdf, "reader-two-0000002", Day("2025-05-13")));
  // The first click of 05-14 forgets 05-10 (before 05-12) and keeps 05-13.
  ASSERT_TRUE(store_->AddClick("2505.00001", ClickKind::kFaq, "reader-one-0000001", Day("2025-05-14")));
  Result<int64_t> none = store_->PruneClickReaders(Day("2025-05-12"));
  ASSERT_TRUE(none) << none.error().message << " / " << none.error().detail;
  EXPECT_EQ(*none, 0);
  // A late click dated 05-10 by the same reader counts again: its row is gone.
  auto late = store_->AddClick("2505.00001", ClickKind::kPdf, "reader-one-0000001", Day("2025-05-10"));
  ASSERT_TRUE(late);
  EXPECT_EQ(late->pdf, 3);
  Result<int64_t> all = store_->PruneClickReaders(Day("2025-05-15"));
  ASSERT_TRUE(all);
  EXPECT_EQ(*all, 3);  // 05-10 again, 05-13 and 05-14
  const std::vector<std::string> ids = {"2505.00001"};
  EXPECT_EQ(store_->ClicksFor(ids).value()[0].pdf, 3);
  EXPECT_EQ(store_->ClicksFor(ids).value()[0].faq, 1);
}

TEST_P(StoreContractTest, KeepsClickReadersAcrossReopening) {
  Write({NewPaperRecord("2505.00001", {"cs.CL"}, Day("2025-05-14"), 1)});
  ASSERT_TRUE(
      store_->AddClick("2505.00001", ClickKind::kPdf, "reader-one-0000001", Day("2025-05-14")));
  std::unique_ptr<Store> other = Open();
  ASSERT_NE(other, nullptr);
  auto again =
      other->AddClick("2505.00001", ClickKind::kPdf, "reader-one-0000001", Day("2025-05-14"));
  ASSERT_TRUE(again);
  EXPECT_EQ(again->pdf, 1);
}

TEST_P(StoreContractTest, RefusesClickOnUnknownPaperOrWithoutReader) {
  auto clicked =
      store_->AddClick("2505.09999", ClickKind::kPdf, "reader-one-0000001", Day("2025-05-14"));
  ASSERT_FALSE(clicked);
  EXPECT_EQ(clicked.error().code, ErrorCode::kNotFound);
  Write({NewPaperRecord("2505.00001", {"cs.CL"}, Day("2025-05-14"), 1)});
  auto anonymous = store_->AddClick("2505.00001", ClickKind::kPdf, "", Day("2025-05-14"));
  ASSERT_FALSE(anonymous);
  EXPECT_EQ(anonymous.error().code, ErrorCode::kInvalidArgument);
  const std::vector<std::string> ids = {"2505.00001"};
  EXPECT_EQ(store_->ClicksFor(ids).value()[0].pdf, 0);
}

TEST_P(StoreContractTest, ClicksLeaveTheChangeStampAlone) {
  Write({NewPaperRecord("2505.00001", {"cs.CL"}, Day("2025-05-14"), 1)});
  const uint64_t before = store_->ChangeStamp().value();
  ASSERT_TRUE(
      store_->AddClick("2505.00001", ClickKind::kFaq, "reader-one-0000001", Day("2025-05-14")));
  EXPECT_EQ(store_->ChangeStamp().value(), before);
}

TEST_P(StoreContractTest, ChangeStampMovesOnWriteOnly) {
  const uint64_t before = store_->ChangeStamp().value();
  ASSERT_TRUE(store_->ListDay(ParseCategoryExpr("cs.CL").value(), Day("2025-05-14")));
  EXPECT_EQ(store_->ChangeStamp().value(), before);
  Write({NewPaperRecord("2505.00001", {"cs.CL"}, Day("2025-05-14"), 1)});
  EXPECT_NE(store_->ChangeStamp().value(), before);
}

TEST_P(StoreContractTest, ChangeStampSeesWritesOfAnotherStore) {
  std::unique_ptr<Store> other = Open();
  ASSERT_NE(other, nullptr);
  const uint64_t before = store_->ChangeStamp().value();
  auto written = other->WriteRecords(
      std::vector<PaperRecord>{NewPaperRecord("2505.00001", {"cs.CL"}, Day("2025-05-14"), 1)});
  ASSERT_TRUE(written);
  EXPECT_NE(store_->ChangeStamp().value(), before);
  EXPECT_EQ(store_->PaperCount().value(), 1);
}

// Two processes writing the same papers in opposite orders (two harvests of overlapping days)
// both succeed: neither deadlocks nor fails the other.
TEST_P(StoreContractTest, ConcurrentWritersOfTheSamePapersBothSucceed) {
  std::unique_ptr<Store> other = Open();
  ASSERT_NE(other, nullptr);
  std::vector<PaperRecord> records;
  for (int i = 0; i < 40; ++i) {
    records.push_back(NewPaperRecord("2505." + std::to_string(10000 + i), {"cs.CL", "cs.AI"},
                                     Day("2025-05-14"), i));
  }
  std::vector<PaperRecord> reversed(records.rbegin(), records.rend());
  std::atomic<int> failures = 0;
  const auto write = [&failures](Store& store, const std::vector<PaperRecord>& batch) {
    for (int round = 0; round < 5; ++round) {
      auto written = store.WriteRecords(batch);
      if (!written) {
        ADD_FAILURE() << written.error().message << " / " << written.error().detail;
        ++failures;
      }
    }
  };
  std::thread first([&] { write(*store_, records); });
  std::thread second([&] { write(*other, reversed); });
  first.join();
  second.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(store_->PaperCount().value(), 40);
  EXPECT_EQ(List("cs.CL", "2025-05-14").papers.size(), 40u);
}

std::vector<std::string> PaperIds(const std::vector<Paper>& papers) {
  std::vector<std::string> ids;
  for (const Paper& paper : papers) ids.push_back(paper.id);
  return ids;
}

TEST_P(StoreContractTest, PagesThroughAllPapersInIdOrder) {
  Write({NewPaperRecord("2505.00003", {"cs.CL"}, Day("2025-05-14"), 1, 2),
         NewPaperRecord("2505.00001", {"cs.CL"}, Day("2025-05-14"), 2, 1),
         NewPaperRecord("hep-th/9901001", {"hep-th"}, Day("2025-05-14"), 1, 3),
         NewPaperRecord("2505.00002", {"cs.AI"}, Day("2025-05-15"), 1, 1)});
  std::vector<std::string> seen;
  std::string after;
  for (;;) {
    auto page = store_->PapersAfter(after, 3);
    ASSERT_TRUE(page) << page.error().message;
    if (page->empty()) break;
    EXPECT_LE(page->size(), 3u);
    for (const std::string& id : PaperIds(*page)) seen.push_back(id);
    after = page->back().id;
  }
  EXPECT_THAT(seen, ElementsAre("2505.00001", "2505.00002", "2505.00003", "hep-th/9901001"));
}

TEST_P(StoreContractTest, PagedPapersEqualPapersById) {
  Write({NewPaperRecord("2505.00001", {"cs.CL", "cs.AI"}, Day("2025-05-14"), 1, 3),
         NewPaperRecord("2505.00002", {"cs.AI"}, Day("2025-05-15"), 1, 2)});
  auto page = store_->PapersAfter("", 10);
  ASSERT_TRUE(page) << page.error().message;
  const std::vector<Paper> by_id = Papers({"2505.00001", "2505.00002"});
  ASSERT_EQ(page->size(), 2u);
  for (size_t i = 0; i < 2; ++i) {
    EXPECT_EQ((*page)[i].title, by_id[i].title);
    EXPECT_EQ((*page)[i].authors, by_id[i].authors);
    EXPECT_EQ((*page)[i].categories, by_id[i].categories);
    EXPECT_EQ((*page)[i].first_listed, by_id[i].first_listed);
    ASSERT_EQ((*page)[i].versions.size(), by_id[i].versions.size());
    for (size_t v = 0; v < by_id[i].versions.size(); ++v) {
      EXPECT_EQ((*page)[i].versions[v].number, by_id[i].versions[v].number);
    }
  }
}

TEST_P(StoreContractTest, RefusesEmptyPages) {
  EXPECT_EQ(store_->PapersAfter("", 0).error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(store_->PaperChangesSince(0, 0).error().code, ErrorCode::kInvalidArgument);
}

TEST_P(StoreContractTest, ReportsChangedPapersOnceInChangeOrder) {
  EXPECT_EQ(store_->LatestPaperChange().value(), 0u);
  Write({NewPaperRecord("2505.00002", {"cs.CL"}, Day("2025-05-14"), 1)});
  Write({NewPaperRecord("2505.00001", {"cs.CL"}, Day("2025-05-14"), 2)});
  const uint64_t after_two = store_->LatestPaperChange().value();
  Write({ReplacedPaperRecord("2505.00002", {"cs.CL"}, Day("2025-05-16"), 1, 2)});

  auto all = store_->PaperChangesSince(0, 10);
  ASSERT_TRUE(all) << all.error().message;
  EXPECT_THAT(PaperIds(all->papers), ElementsAre("2505.00001", "2505.00002"));
  EXPECT_EQ(all->papers.back().title, "Paper 2505.00002 v2");
  EXPECT_EQ(all->last_sequence, store_->LatestPaperChange().value());

  auto since = store_->PaperChangesSince(after_two, 10);
  ASSERT_TRUE(since);
  EXPECT_THAT(PaperIds(since->papers), ElementsAre("2505.00002"));

  auto none = store_->PaperChangesSince(all->last_sequence, 10);
  ASSERT_TRUE(none);
  EXPECT_THAT(none->papers, IsEmpty());
  EXPECT_EQ(none->last_sequence, all->last_sequence);
}

TEST_P(StoreContractTest, PagesThroughChangesWithLastSequence) {
  for (int i = 1; i <= 5; ++i) {
    Write({NewPaperRecord("2505.0000" + std::to_string(i), {"cs.CL"}, Day("2025-05-14"), i)});
  }
  std::vector<std::string> seen;
  uint64_t since = 0;
  for (;;) {
    auto page = store_->PaperChangesSince(since, 2);
    ASSERT_TRUE(page) << page.error().message;
    if (page->papers.empty()) break;
    EXPECT_GT(page->last_sequence, since);
    since = page->last_sequence;
    for (const std::string& id : PaperIds(page->papers)) seen.push_back(id);
  }
  EXPECT_THAT(seen, ElementsAre("2505.00001", "2505.00002", "2505.00003", "2505.00004",
                                "2505.00005"));
}

TEST_P(StoreContractTest, RewritingEqualRecordsIsNoChange) {
  const PaperRecord record = NewPaperRecord("2505.00001", {"cs.CL"}, Day("2025-05-14"), 1);
  Write({record});
  const uint64_t latest = store_->LatestPaperChange().value();
  Write({record});
  EXPECT_EQ(store_->LatestPaperChange().value(), latest);
}

TEST_P(StoreContractTest, EarlierFirstListingIsAChange) {
  Write({NewPaperRecord("2505.00001", {"cs.CL"}, Day("2025-05-15"), 1)});
  const uint64_t latest = store_->LatestPaperChange().value();
  Write({NewPaperRecord("2505.00001", {"cs.CL"}, Day("2025-05-14"), 1)});
  auto changes = store_->PaperChangesSince(latest, 10);
  ASSERT_TRUE(changes);
  ASSERT_EQ(changes->papers.size(), 1u);
  EXPECT_EQ(changes->papers[0].first_listed, Day("2025-05-14"));
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreContractTest,
                         ::testing::Values(SqliteBackend(), PgBackend()),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace coolpapers::store
