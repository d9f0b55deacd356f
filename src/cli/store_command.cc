#include "cli/store_command.h"

#include <chrono>
#include <cstdio>
#include <optional>

#include "cli/print_error.h"
#include "store/store_copy.h"
#include "store/store_location.h"

namespace coolpapers::cli {
namespace {

constexpr int kExitOk = 0;
constexpr int kExitFailed = 1;
constexpr int kExitUsage = 2;

// The location `text` names when it is of `kind`; prints why not otherwise.
std::optional<store::StoreLocation> LocationOfKind(std::string_view flag, const std::string& text,
                                                   store::StoreLocation::Kind kind,
                                                   std::string_view expected) {
  Result<store::StoreLocation> location = store::ParseStoreLocation(text);
  if (location && location->kind == kind) return *location;
  std::fprintf(stderr, "coolpapers: store copy %.*s: expected %.*s\n",
               static_cast<int>(flag.size()), flag.data(), static_cast<int>(expected.size()),
               expected.data());
  return std::nullopt;
}

}  // namespace

int RunStoreCopyCommand(const StoreCopyOptions& options) {
  const auto from = LocationOfKind("--from", options.from, store::StoreLocation::Kind::kSqlite,
                                   "sqlite:PATH, the SQLite store to copy");
  const auto to = LocationOfKind("--to", options.to, store::StoreLocation::Kind::kPostgres,
                                 "postgresql://..., an empty PostgreSQL database");
  if (!from || !to) return kExitUsage;
  std::fprintf(stderr, "copying %s to %s\n", from->Describe().c_str(), to->Describe().c_str());

  const auto started = std::chrono::steady_clock::now();
  const auto progress = [](std::string_view phase, std::string_view table, int64_t done,
                           int64_t total) {
    std::fprintf(stderr, "%.*s %-20.*s %lld/%lld\n", static_cast<int>(phase.size()),
                 phase.data(), static_cast<int>(table.size()), table.data(),
                 static_cast<long long>(done), static_cast<long long>(total));
  };
  Result<std::vector<store::TableCopy>> tables =
      store::CopySqliteStoreToPg(from->sqlite_path, to->pg_url, progress);
  if (!tables) {
    PrintError(tables.error());
    return kExitFailed;
  }
  int64_t rows = 0;
  for (const store::TableCopy& table : *tables) {
    std::printf("%-20s %10lld rows copied, equal in both\n", table.table.c_str(),
                static_cast<long long>(table.rows));
    rows += table.rows;
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::printf("%lld rows in %zu tables copied and checked in %.1f s\n",
              static_cast<long long>(rows), tables->size(), seconds);
  return kExitOk;
}

}  // namespace coolpapers::cli
