// A file body through the real server (issue #18 finding 4): sent with sendfile(2) as the
// socket drains, so readers who stall cost no memory per byte of the file and a crowd of
// readers no copy of it; HEAD reads none of it.
#include <sys/socket.h>
#include <sys/time.h>

#include <chrono>
#include <fstream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/streambuf.hpp>
#include <boost/asio/write.hpp>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/support/temp_dir.h"
#include "web/file_slice.h"
#include "web/server.h"

namespace coolpapers::web {
namespace {

namespace net = boost::asio;
using tcp = net::ip::tcp;
using ::testing::HasSubstr;

// The value of `key` ("VmRSS:") in /proc/self/`file` (Linux), 0 when absent.
uint64_t ProcValue(const std::string& file, const std::string& key) {
  std::ifstream status("/proc/self/" + file);
  std::string word;
  uint64_t value = 0;
  while (status >> word) {
    if (word == key) {
      status >> value;
      return value;
    }
  }
  return 0;
}

// The resident set of this process, in bytes.
uint64_t ResidentBytes() { return ProcValue("status", "VmRSS:") * 1024; }

// The bytes this process's calls have written through the kernel's file layer (write, pwrite,
// sendfile), which sends on sockets (sendmsg) do not count: /proc/self/io's wchar.
uint64_t BytesWrittenThroughFiles() { return ProcValue("io", "wchar:"); }

class ServerFileTest : public ::testing::Test {
 protected:
  // A file of `size` bytes where byte i is 'a' + i % 26.
  std::filesystem::path WriteFile(size_t size) {
    std::string bytes(size, '\0');
    for (size_t i = 0; i < size; ++i) bytes[i] = static_cast<char>('a' + i % 26);
    const std::filesystem::path path = dir_.path() / "file.pdf";
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
  }

  // Serves `slice` for every request.
  void Serve(FileSlice slice, std::chrono::milliseconds request_timeout = std::chrono::seconds(15)) {
    ServerOptions options;
    options.request_timeout = request_timeout;
    options.host = "127.0.0.1";
    options.port = 0;
    options.handle_signals = false;
    options.threads = 2;
    server_ = Server::Start(options, [slice](const Request&) {
                Response response;
                response.content_type = kPdfType;
                response.file = slice;
                return response;
              }).value();
  }

  std::unique_ptr<tcp::socket> Connect() {
    auto socket = std::make_unique<tcp::socket>(ioc_);
    socket->connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), server_->port()));
    const timeval timeout{10, 0};
    setsockopt(socket->native_handle(), SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    // A small receive window: the server's writes stall as a slow reader's would.
    const int window = 16 * 1024;
    setsockopt(socket->native_handle(), SOL_SOCKET, SO_RCVBUF, &window, sizeof window);
    return socket;
  }

  // The head and, unless HEAD, the body of one request on a new connection.
  std::pair<std::string, std::string> Exchange(const std::string& method) {
    std::unique_ptr<tcp::socket> socket = Connect();
    net::write(*socket, net::buffer(method + " /pdf HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
    std::string all;
    boost::system::error_code ec;
    char chunk[65536];
    while (true) {
      const size_t got = socket->read_some(net::buffer(chunk), ec);
      if (ec) break;
      all.append(chunk, got);
    }
    const size_t end = all.find("\r\n\r\n");
    if (end == std::string::npos) return {all, ""};
    return {all.substr(0, end), all.substr(end + 4)};
  }

  coolpapers::testing::TempDir dir_;
  net::io_context ioc_;
  std::unique_ptr<Server> server_;
};

TEST_F(ServerFileTest, SendsTheSliceExactly) {
  const std::filesystem::path path = WriteFile(200'000);
  Serve(FileSlice{OpenFile::Open(path).value(), 100'001, 99'998});
  const auto [head, body] = Exchange("GET");
  EXPECT_THAT(head, HasSubstr("Content-Length: 99998"));
  ASSERT_EQ(body.size(), 99'998u);
  EXPECT_EQ(body.front(), static_cast<char>('a' + 100'001 % 26));
  EXPECT_EQ(body, FileSlice(OpenFile::Open(path).value(), 100'001, 99'998).ReadAll().value());
}

TEST_F(ServerFileTest, HeadAnnouncesTheLengthAndReadsNothing) {
  const std::filesystem::path path = WriteFile(5000);
  Serve(FileSlice{OpenFile::Open(path).value(), 0, 5000});
  // Emptied after the open: a GET could no longer send 5000 bytes, a HEAD never tries.
  std::filesystem::resize_file(path, 0);
  const auto [head, body] = Exchange("HEAD");
  EXPECT_THAT(head, HasSubstr("HTTP/1.1 200"));
  EXPECT_THAT(head, HasSubstr("Content-Length: 5000"));
  EXPECT_EQ(body, "");
  const auto [get_head, cut] = Exchange("GET");
  EXPECT_LT(cut.size(), 5000u);  // the body is cut, never padded
}

// 20 readers of an 8 MB file who read nothing: buffered whole, they would hold 160 MB.
TEST_F(ServerFileTest, StalledReadersOfALargeFileHoldLittleMemory) {
  constexpr size_t kFileBytes = 8 << 20;
  constexpr int kReaders = 20;
  const std::filesystem::path path = WriteFile(kFileBytes);
  Serve(FileSlice{OpenFile::Open(path).value(), 0, kFileBytes});
  const uint64_t before = ResidentBytes();
  std::vector<std::unique_ptr<tcp::socket>> readers;
  for (int i = 0; i < kReaders; ++i) {
    readers.push_back(Connect());
    net::write(*readers.back(), net::buffer(std::string("GET /pdf HTTP/1.1\r\nHost: x\r\n\r\n")));
  }
  // Every reader gets its first bytes: the server is mid-body on all of them.
  for (auto& reader : readers) {
    char byte;
    ASSERT_EQ(net::read(*reader, net::buffer(&byte, 1)), 1u);
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  const uint64_t during = ResidentBytes();
  EXPECT_LT(during, before + 32 * 1024 * 1024)
      << "resident set grew from " << before << " to " << during << " bytes";
}

// After a file body the connection goes on: the next request on it is answered (and a Range's
// body is its part of the file).
TEST_F(ServerFileTest, AKeptAliveConnectionGoesOnAfterAFileBody) {
  constexpr size_t kFileBytes = 1 << 20;
  const std::filesystem::path path = WriteFile(kFileBytes);
  Serve(FileSlice{OpenFile::Open(path).value(), 0, kFileBytes});
  std::unique_ptr<tcp::socket> reader = Connect();
  for (int i = 0; i < 3; ++i) {
    net::write(*reader, net::buffer(std::string("GET /pdf HTTP/1.1\r\nHost: x\r\n\r\n")));
    net::streambuf received;
    const size_t head = net::read_until(*reader, received, "\r\n\r\n");
    const std::string text(net::buffers_begin(received.data()),
                           net::buffers_begin(received.data()) + static_cast<std::ptrdiff_t>(head));
    EXPECT_THAT(text, HasSubstr("Content-Length: 1048576")) << i;
    received.consume(head);
    const size_t missing = kFileBytes - received.size();
    net::read(*reader, received.prepare(missing));
    received.commit(missing);
    ASSERT_EQ(received.size(), kFileBytes) << i;
    const std::string body(net::buffers_begin(received.data()), net::buffers_end(received.data()));
    EXPECT_EQ(body, FileSlice(OpenFile::Open(path).value(), 0, kFileBytes).ReadAll().value()) << i;
  }
}

// The strangers benchmark: 2 × 60 slow readers of a 936 KB PDF each took the whole file at once
// into their sockets' buffers, and the server read it 64 KB at a time and copied each piece
// into the socket, 112 MB in the attack's first second, while cached readers waited. The file
// now goes from the page cache to the socket in the kernel (sendfile, which counts the bytes
// in wchar; pread and sendmsg count none).
TEST_F(ServerFileTest, SendsTheFileFromThePageCacheWithoutCopyingIt) {
  constexpr size_t kFileBytes = 4 << 20;
  const std::filesystem::path path = WriteFile(kFileBytes);
  Serve(FileSlice{OpenFile::Open(path).value(), 0, kFileBytes});
  const uint64_t before = BytesWrittenThroughFiles();
  const auto [head, body] = Exchange("GET");
  EXPECT_THAT(head, HasSubstr("HTTP/1.1 200"));
  ASSERT_EQ(body.size(), kFileBytes);
  EXPECT_GE(BytesWrittenThroughFiles() - before, kFileBytes);
}

// sendfile has no MSG_NOSIGNAL: a reader who leaves mid-body must not end the process by
// SIGPIPE (a gtest process would die here), and the next reader is served.
TEST_F(ServerFileTest, AReaderWhoLeavesMidBodyHarmsNobody) {
  constexpr size_t kFileBytes = 8 << 20;
  const std::filesystem::path path = WriteFile(kFileBytes);
  Serve(FileSlice{OpenFile::Open(path).value(), 0, kFileBytes});
  for (int i = 0; i < 5; ++i) {
    std::unique_ptr<tcp::socket> leaver = Connect();
    net::write(*leaver, net::buffer(std::string("GET /pdf HTTP/1.1\r\nHost: x\r\n\r\n")));
    char first[1000];
    ASSERT_EQ(net::read(*leaver, net::buffer(first)), sizeof first);
    // Unread bytes in its buffer: the close resets the connection mid-body.
    leaver->close();
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  const auto [head, body] = Exchange("GET");
  EXPECT_THAT(head, HasSubstr("HTTP/1.1 200"));
  EXPECT_EQ(body.size(), kFileBytes);
}

// A reader who stops reading holds the connection for the request timeout at most: then the
// body is cut (the connection closes short of Content-Length), never left waiting.
TEST_F(ServerFileTest, AReaderWhoStopsReadingIsCutAtTheRequestTimeout) {
  constexpr size_t kFileBytes = 32 << 20;  // more than the kernel's socket buffers take
  const std::filesystem::path path = WriteFile(kFileBytes);
  Serve(FileSlice{OpenFile::Open(path).value(), 0, kFileBytes}, std::chrono::milliseconds(300));
  std::unique_ptr<tcp::socket> reader = Connect();
  net::write(*reader, net::buffer(std::string("GET /pdf HTTP/1.1\r\nHost: x\r\n\r\n")));
  std::this_thread::sleep_for(std::chrono::milliseconds(1000));
  size_t got = 0;
  boost::system::error_code ec;
  std::vector<char> chunk(1 << 20);
  while (!ec) got += reader->read_some(net::buffer(chunk), ec);
  EXPECT_LT(got, kFileBytes);
}

}  // namespace
}  // namespace coolpapers::web
