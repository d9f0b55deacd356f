#include "web/file_slice.h"

#include <fcntl.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

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

Result<size_t> OpenFile::SendTo(int socket, uint64_t offset, size_t count) const {
  while (true) {
    off_t from = static_cast<off_t>(offset);
    const ssize_t sent = ::sendfile(socket, fd_, &from, count);
    if (sent > 0) return static_cast<size_t>(sent);
    if (sent == 0) {
      if (count == 0) return 0;
      return Fail(ErrorCode::kUnavailable, "the file ended at byte " + std::to_string(offset) +
                                               ": it shrank since it was opened");
    }
    if (errno == EINTR) continue;
    if (errno == EAGAIN || errno == EWOULDBLOCK) return 0;
    return Fail(ErrorCode::kUnavailable, std::string("cannot send a file: ") + std::strerror(errno));
  }
}

Result<std::string> FileSlice::ReadAll() const {
  std::string bytes(length, '\0');
  Result<size_t> got = file->ReadAt(offset, bytes);
  if (!got) return std::unexpected(got.error());
  bytes.resize(*got);
  return bytes;
}

}  // namespace coolpapers::web
