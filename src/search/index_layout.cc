#include "search/index_layout.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <system_error>

namespace coolpapers::search {
namespace {

constexpr std::string_view kGenerationPrefix = "gen-";
constexpr std::string_view kPartsSuffix = ".parts";

// Parses "gen-<n>" (n >= 1); 0 for anything else.
int ParseGenerationName(std::string_view name) {
  if (!name.starts_with(kGenerationPrefix)) return 0;
  name.remove_prefix(kGenerationPrefix.size());
  int generation = 0;
  const auto [end, ec] = std::from_chars(name.data(), name.data() + name.size(), generation);
  if (ec != std::errc() || end != name.data() + name.size() || generation < 1) return 0;
  return generation;
}

}  // namespace

std::filesystem::path CurrentStubPath(const std::filesystem::path& index_dir) {
  return index_dir / "current";
}

std::filesystem::path PartsPath(const std::filesystem::path& index_dir, int generation) {
  return index_dir / (std::string(kGenerationPrefix) + std::to_string(generation) +
                      std::string(kPartsSuffix));
}

std::filesystem::path GenerationPath(const std::filesystem::path& index_dir, int generation) {
  return index_dir / (std::string(kGenerationPrefix) + std::to_string(generation));
}

Result<int> ReadCurrentGeneration(const std::filesystem::path& index_dir) {
  const std::filesystem::path stub = CurrentStubPath(index_dir);
  std::error_code ec;
  if (!std::filesystem::exists(stub, ec)) return 0;
  std::ifstream in(stub);
  if (!in) return Fail(ErrorCode::kUnavailable, "cannot read the search index", stub.string());
  std::string kind, name;
  in >> kind >> name;
  const int generation = ParseGenerationName(name);
  if (kind != "auto" || generation == 0) {
    return Fail(ErrorCode::kCorrupt, "the search index is damaged: rebuild it",
                "unexpected stub contents in " + stub.string());
  }
  return generation;
}

std::optional<StubVersion> CurrentStubVersion(const std::filesystem::path& index_dir) {
  struct stat file {};
  if (::stat(CurrentStubPath(index_dir).c_str(), &file) != 0) return std::nullopt;
  return StubVersion{file.st_dev, file.st_ino, file.st_size, file.st_ctim};
}

Result<void> WriteCurrentGeneration(const std::filesystem::path& index_dir, int generation) {
  const std::filesystem::path stub = CurrentStubPath(index_dir);
  const std::filesystem::path temporary = index_dir / "current.tmp";
  const std::string text = "auto " + GenerationPath({}, generation).string() + "\n";
  // POSIX calls rather than a stream: the new stub must be on disk before the rename makes it
  // live, or a crash could leave an empty "current".
  const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) {
    return Fail(ErrorCode::kUnavailable, "cannot write the search index",
                "open " + temporary.string() + ": " + std::strerror(errno));
  }
  const bool written = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
  const bool synced = written && ::fsync(fd) == 0;
  ::close(fd);
  if (!synced || ::rename(temporary.c_str(), stub.c_str()) != 0) {
    return Fail(ErrorCode::kUnavailable, "cannot write the search index",
                "write/rename " + temporary.string() + ": " + std::strerror(errno));
  }
  return {};
}

Result<void> RemoveOtherGenerations(const std::filesystem::path& index_dir, int keep) {
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(index_dir, ec)) {
    std::string name = entry.path().filename().string();
    const bool parts = name.ends_with(kPartsSuffix);
    if (parts) name.resize(name.size() - kPartsSuffix.size());
    const int generation = ParseGenerationName(name);
    if (generation == 0 || (generation == keep && !parts)) continue;
    std::filesystem::remove_all(entry.path(), ec);
    if (ec) break;
  }
  if (ec) {
    return Fail(ErrorCode::kUnavailable, "cannot clean up the search index folder",
                index_dir.string() + ": " + ec.message());
  }
  return {};
}

}  // namespace coolpapers::search
