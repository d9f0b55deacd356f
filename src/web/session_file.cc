// Session's file bodies (Response::file: a cached PDF, whole or a Range of it). The head goes
// out through Beast; the bytes with sendfile(2), from the page cache to the socket.
//
// Why not Beast's body writer: it read the file 64 KB at a time into the session's buffer and
// copied each piece into the socket. In the strangers benchmark 2 × 60 "slow readers" of a
// 936 KB PDF on loopback took the whole file at once (the kernel's socket buffers grow to 4 MB),
// so the I/O threads copied 112 MB in 1,800 pread + sendmsg pairs within the attack's first
// second (perf: 38% of serve's samples in the kernel's copy into the socket), each pair a
// handler queued among the cached readers' handlers: their slowest reads were all in that
// second. sendfile hands the page cache's pages to the socket (no copy, no buffer per
// connection), and one call moves up to 256 KB, four such pairs' worth.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <string>
#include <utility>

#include <boost/asio/post.hpp>

#include "web/session.h"

namespace coolpapers::web {
namespace {

// The most one sendfile call sends before the session lets the I/O thread run other
// connections' handlers (a cached reader's among them): a crowd of PDF readers advances in
// turns of this size instead of each taking its whole file while the others wait.
constexpr std::uint64_t kFileSendBytes = 256 * 1024;

}  // namespace

void Session::SendFile(FileSlice file, std::chrono::steady_clock::time_point deadline) {
  file_.emplace(std::move(file));
  file_sent_ = 0;
  file_head_bytes_ = 0;
  // Beast's timer bounds its own operations (the head); this one the body's waits.
  if (!file_timer_) file_timer_.emplace(stream_.get_executor());
  file_timer_->expires_at(deadline);
  file_timer_->async_wait(beast::bind_front_handler(&Session::OnFileTimeout, shared_from_this()));
  file_head_.emplace(*res_);
  http::async_write_header(stream_, *file_head_,
                           beast::bind_front_handler(&Session::OnFileHead, shared_from_this()));
}

void Session::OnFileHead(beast::error_code ec, std::size_t bytes) {
  file_head_.reset();
  file_head_bytes_ = bytes;
  if (!file_) return;  // timed out meanwhile
  if (ec) return EndFile("write failed: " + ec.message());
  beast::error_code ignored;  // already non-blocking since the head's asynchronous write
  stream_.socket().native_non_blocking(true, ignored);
  PumpFile();
}

void Session::PumpFile() {
  if (!file_) return;  // ended meanwhile (the deadline)
  const FileSlice& file = *file_;
  const std::uint64_t want = std::min(kFileSendBytes, file.length - file_sent_);
  Result<std::size_t> sent =
      file.file->SendTo(stream_.socket().native_handle(), file.offset + file_sent_, want);
  if (!sent) return EndFile(sent.error().message);
  file_sent_ += *sent;
  if (file_sent_ == file.length) return EndFile("");
  if (*sent == want) {  // the socket may take more: after the handlers waiting meanwhile
    return net::post(stream_.get_executor(),
                     beast::bind_front_handler(&Session::PumpFile, shared_from_this()));
  }
  // The socket's buffer is full: on again once it drains.
  stream_.socket().async_wait(tcp::socket::wait_write,
                              beast::bind_front_handler(&Session::OnFileWritable, shared_from_this()));
}

void Session::OnFileWritable(beast::error_code ec) {
  if (!file_) return;  // ended meanwhile (the deadline closed the socket)
  if (ec) return EndFile("write failed: " + ec.message());
  PumpFile();
}

void Session::OnFileTimeout(beast::error_code ec) {
  if (ec || !file_) return;  // cancelled: the body ended in time
  EndFile("write failed: the reader took longer than the request timeout");
}

void Session::EndFile(const std::string& failure) {
  LogRequest(file_head_bytes_ + file_sent_, failure);
  file_.reset();
  file_timer_->cancel();
  if (failure.empty()) return AfterResponse();
  // The reader sees the body cut, never a shorter one taken for whole.
  beast::error_code ignored;  // the peer may already be gone
  stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
  stream_.close();
}

}  // namespace coolpapers::web
