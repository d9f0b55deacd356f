#include "web/file_slice.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace coolpapers::web {

Result<std::shared_ptr<const OpenFile>> OpenFile::Open(const std::filesystem::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    const int error = errno;
    return Fail(error == ENOENT ? ErrorCode::kNotFound : ErrorCode::kUnavailable,
                "cannot open " + path.string() + ": " + std::strerror(error));
  }
  struct stat status{};
  if (::fstat(fd, &status) != 0) {
    const int error = errno;
    ::close(fd);
    return Fail(ErrorCode::kUnavailable, "cannot stat " + path.string() + ": " + std::strerror(error));
  }
  return std::shared_ptr<const OpenFile>(new OpenFile(fd, static_cast<uint64_t>(status.st_size)));
}

OpenFile::~OpenFile() { ::close(fd_); }

Result<size_t> OpenFile::ReadAt(uint64_t offset, std::span<char> into) const {
  size_t done = 0;
  while (done < into.size()) {
    const ssize_t got = ::pread(fd_, into.data() + done, into.size() - done,
                                static_cast<off_t>(offset + done));
    if (got < 0) {
      if (errno == EINTR) continue;
      return Fail(ErrorCode::kUnavailable, std::string("cannot read a file: ") + std::strerror(errno));
    }
    if (got == 0) break;  // the end of the file
    done += static_cast<size_t>(got);
  }
  return done;
}

Result<std::string> FileSlice::ReadAll() const {
  std::string bytes(length, '\0');
  Result<size_t> got = file->ReadAt(offset, bytes);
  if (!got) return std::unexpected(got.error());
  bytes.resize(*got);
  return bytes;
}

}  // namespace coolpapers::web
