#include "cli/data_dir.h"

#include <system_error>

#include "cli/config_file.h"

namespace coolpapers::cli {

Result<void> EnsureDataDir(const std::filesystem::path& data_dir) {
  std::error_code ec;
  std::filesystem::create_directories(data_dir, ec);
  if (ec) {
    return Fail(ErrorCode::kUnavailable,
                "cannot create data folder \"" + data_dir.string() + "\": " + ec.message());
  }
  return {};
}

Result<void> PrepareStore(const std::filesystem::path& data_dir,
                          const store::StoreLocation& location, StoreAccess access) {
  if (access == StoreAccess::kCreate) return EnsureDataDir(data_dir);
  if (location.kind != store::StoreLocation::Kind::kSqlite) return {};
  std::error_code ec;
  if (!std::filesystem::is_directory(data_dir, ec)) {
    return Fail(ErrorCode::kNotFound,
                "no data folder \"" + data_dir.string() +
                    "\": expected an instance's folder (--data; `coolpapers import --data " +
                    data_dir.string() + " FILE...` makes one)");
  }
  if (!std::filesystem::exists(location.sqlite_path, ec)) {
    return Fail(ErrorCode::kNotFound,
                "no store at \"" + location.sqlite_path.string() +
                    "\": expected the data folder of an instance (--data) or --store");
  }
  return {};
}

Result<store::StoreLocation> StoreLocationOf(const std::filesystem::path& data_dir,
                                             std::string_view store_url) {
  if (store_url.empty()) return store::SqliteLocation(StorePath(data_dir));
  return store::ParseStoreLocation(store_url);
}

Result<store::StoreLocation> ResolveStoreLocation(const std::filesystem::path& data_dir,
                                                  std::string_view store_flag) {
  if (!store_flag.empty()) return StoreLocationOf(data_dir, store_flag);
  Result<Config> config = LoadConfig(std::nullopt, data_dir);
  if (!config) return std::unexpected(std::move(config.error()));
  return StoreLocationOf(data_dir, config->store_url);
}

}  // namespace coolpapers::cli
