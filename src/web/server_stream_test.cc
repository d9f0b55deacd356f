// Streamed responses (Response::stream) through a real loopback socket: the pieces arrive as
// they are written, in order, the body ends with its last chunk and the connection goes on; a
// reader who leaves, a server that stops and a reader too slow all end the stream.
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <future>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/mutex.h"
#include "tests/support/http_client.h"
#include "web/http_message.h"
#include "web/server.h"
#include "web/sse_event.h"

namespace coolpapers::web {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using HttpClient = coolpapers::testing::HttpClient;
using HttpResponse = coolpapers::testing::HttpResponse;
constexpr auto kWait = std::chrono::seconds(10);

// Hands the writer of each streamed response to the test, which plays the producer.
class WriterBox {
 public:
  StreamStarter Starter() {
    return [this](std::shared_ptr<StreamWriter> writer) {
      MutexLock lock(&mutex_);
      writers_.push_back(std::move(writer));
      ++started_;
      changed_.notify_all();
    };
  }

  // The next writer handed out, or nullptr after 10 s without one.
  std::shared_ptr<StreamWriter> Next() {
    MutexLock lock(&mutex_);
    if (!changed_.wait_for(mutex_, kWait, [this] {
          mutex_.AssertHeld();
          return !writers_.empty();
        })) {
      return nullptr;
    }
    std::shared_ptr<StreamWriter> writer = std::move(writers_.front());
    writers_.pop_front();
    return writer;
  }

  int started() {
    MutexLock lock(&mutex_);
    return started_;
  }

 private:
  Mutex mutex_;
  std::condition_variable_any changed_;
  std::deque<std::shared_ptr<StreamWriter>> writers_ GUARDED_BY(mutex_);
  int started_ GUARDED_BY(mutex_) = 0;
};

// "/plain" answers "ok"; any other target streams, its producer started by `starter`.
Handler StreamingSite(StreamStarter starter) {
  return [starter = std::move(starter)](const Request& request) {
    Response response;
    if (request.target == "/plain") {
      response.content_type = kTextType;
      response.body = std::make_shared<const std::string>("ok");
      return response;
    }
    response.content_type = kEventStreamType;
    response.gzipped = true;  // must not reach the head: a streamed body is never compressed
    if (request.target == "/cached") response.headers = {{"Cache-Control", "private, max-age=5"}};
    response.stream = starter;
    return response;
  };
}

class ServerStreamTest : public ::testing::Test {
 protected:
  void TearDown() override {
    server_.reset();
    if (log_ != nullptr) std::fclose(log_);
  }

  void StartServer(Handler handler, ServerOptions options = {}) {
    options.host = "127.0.0.1";
    options.port = 0;
    options.handle_signals = false;
    options.threads = 2;
    log_ = std::tmpfile();
    ASSERT_NE(log_, nullptr);
    options.access_log = log_;
    Result<std::unique_ptr<Server>> server = Server::Start(options, std::move(handler));
    ASSERT_TRUE(server.has_value()) << server.error().message;
    server_ = *std::move(server);
  }

  HttpClient MakeClient() { return HttpClient("127.0.0.1", server_->port(), kWait); }

  // The access log so far.
  std::string Log() {
    std::fflush(log_);
    std::string text;
    char block[4096];
    for (off_t offset = 0;;) {
      const ssize_t got = pread(fileno(log_), block, sizeof block, offset);
      if (got <= 0) return text;
      text.append(block, static_cast<size_t>(got));
      offset += got;
    }
  }

  // The access log once it holds `text`, or as it is after 10 s: a stream's line is written
  // just after its last chunk, so the reader may see the end of the body first.
  std::string LogOnceItHas(const std::string& text) {
    const auto deadline = std::chrono::steady_clock::now() + kWait;
    std::string log = Log();
    while (log.find(text) == std::string::npos && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
      log = Log();
    }
    return log;
  }

  std::FILE* log_ = nullptr;
  std::unique_ptr<Server> server_;
};

// Reads the rest of a streamed body. Throws when it is cut short.
std::string ReadBodyToEnd(HttpClient& client) {
  std::string body;
  for (std::string piece = client.ReadBodySome(); !piece.empty(); piece = client.ReadBodySome()) {
    body += piece;
  }
  return body;
}

// Reads at least `size` more body bytes (a piece may arrive in more than one read).
std::string ReadBody(HttpClient& client, size_t size) {
  std::string body;
  while (body.size() < size) {
    std::string piece = client.ReadBodySome();
    if (piece.empty()) break;
    body += piece;
  }
  return body;
}

TEST_F(ServerStreamTest, SendsEachPieceAsItIsWrittenThenEndsTheBody) {
  WriterBox box;
  StartServer(StreamingSite(box.Starter()));
  HttpClient client = MakeClient();
  const HttpResponse head = client.StartRequest("GET", "/events", {{"Accept-Encoding", "gzip"}});
  EXPECT_EQ(head.status, 200);
  EXPECT_EQ(head.Header("content-type"), "text/event-stream; charset=utf-8");
  EXPECT_EQ(head.Header("cache-control"), "no-cache");
  EXPECT_EQ(head.Header("x-accel-buffering"), "no");
  EXPECT_EQ(head.Header("transfer-encoding"), "chunked");
  EXPECT_EQ(head.headers.count("content-length"), 0u);
  EXPECT_EQ(head.headers.count("content-encoding"), 0u);
  const std::shared_ptr<StreamWriter> writer = box.Next();
  ASSERT_NE(writer, nullptr);

  // The reader gets each piece while the producer (this thread) has not written the next.
  const std::string first = RenderSseEvent("token", "Hello");
  ASSERT_TRUE(writer->Write(first));
  EXPECT_EQ(ReadBody(client, first.size()), first);
  const std::string second = RenderSseEvent("token", " world\nagain", "2");
  ASSERT_TRUE(writer->Write(second));
  EXPECT_EQ(ReadBody(client, second.size()), second);
  EXPECT_THAT(Log(), Not(HasSubstr("/events")));  // the line waits for the end of the stream

  writer->Close();
  EXPECT_FALSE(writer->Write("late"));
  writer->Close();  // idempotent
  EXPECT_EQ(client.ReadBodySome(), "");  // the last chunk: the body is complete
  EXPECT_EQ(client.Get("/plain").body, "ok");

  // Both requests went over one connection: the same remote port on both log lines.
  const std::string log = LogOnceItHas("\"GET /plain\"");
  const size_t stream_line = log.find("\"GET /events\" 200 ");
  const size_t plain_line = log.find("\"GET /plain\" 200 ");
  ASSERT_NE(stream_line, std::string::npos) << log;
  ASSERT_NE(plain_line, std::string::npos) << log;
  EXPECT_LT(stream_line, plain_line);
  const std::string remote = log.substr(0, log.find(' '));
  EXPECT_EQ(log.substr(log.rfind('\n', plain_line) + 1, remote.size()), remote) << log;
}

TEST_F(ServerStreamTest, KeepsACacheControlTheHandlerSet) {
  WriterBox box;
  StartServer(StreamingSite(box.Starter()));
  HttpClient client = MakeClient();
  EXPECT_EQ(client.StartRequest("GET", "/cached").Header("cache-control"), "private, max-age=5");
  const std::shared_ptr<StreamWriter> writer = box.Next();
  ASSERT_NE(writer, nullptr);
  writer->Close();
  EXPECT_EQ(ReadBodyToEnd(client), "");
}

TEST_F(ServerStreamTest, KeepsTheOrderOfEachProducerThread) {
  WriterBox box;
  StartServer(StreamingSite(box.Starter()));
  HttpClient client = MakeClient();
  ASSERT_EQ(client.StartRequest("GET", "/events").status, 200);
  const std::shared_ptr<StreamWriter> writer = box.Next();
  ASSERT_NE(writer, nullptr);
  constexpr int kPiecesPerThread = 500;
  const auto produce = [&writer](char thread_name) {
    for (int i = 0; i < kPiecesPerThread; ++i) {
      if (!writer->Write(thread_name + std::to_string(i) + "\n")) return;
      if (i % 50 == 0) std::this_thread::yield();
    }
  };
  std::thread closer([&] {
    std::thread a(produce, 'a');
    std::thread b(produce, 'b');
    a.join();
    b.join();
    writer->Close();
  });
  std::string body;
  try {
    body = ReadBodyToEnd(client);
  } catch (const std::exception& e) {
    ADD_FAILURE() << e.what();
  }
  closer.join();

  std::map<char, int> next = {{'a', 0}, {'b', 0}};
  int lines = 0;
  for (size_t start = 0, end; (end = body.find('\n', start)) != std::string::npos; start = end + 1) {
    const std::string line = body.substr(start, end - start);
    ASSERT_GE(line.size(), 2u) << line;
    ASSERT_EQ(next.count(line[0]), 1u) << line;
    ASSERT_EQ(std::stoi(line.substr(1)), next[line[0]]) << "out of order: " << line;
    ++next[line[0]];
    ++lines;
  }
  EXPECT_EQ(lines, 2 * kPiecesPerThread);
  EXPECT_EQ(next['a'], kPiecesPerThread);
  EXPECT_EQ(next['b'], kPiecesPerThread);
}

TEST_F(ServerStreamTest, RefusesWritesOnceTheReaderLeaves) {
  WriterBox box;
  StartServer(StreamingSite(box.Starter()));
  HttpClient client = MakeClient();
  ASSERT_EQ(client.StartRequest("GET", "/events").status, 200);
  const std::shared_ptr<StreamWriter> writer = box.Next();
  ASSERT_NE(writer, nullptr);
  ASSERT_TRUE(writer->Write(RenderSseComment("ping")));
  EXPECT_EQ(ReadBody(client, 8), ": ping\n\n");
  client.Disconnect();

  const auto deadline = std::chrono::steady_clock::now() + kWait;
  bool accepted = true;
  while (accepted && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    accepted = writer->Write(RenderSseComment("ping"));
  }
  EXPECT_FALSE(accepted) << "Write still accepts 10 s after the reader left";
  EXPECT_THAT(LogOnceItHas("stream cut"), HasSubstr("\"GET /events\" 200 "));
  writer->Close();  // harmless after the end
}

TEST_F(ServerStreamTest, StopEndsAnOpenStreamWithItsLastChunk) {
  WriterBox box;
  StartServer(StreamingSite(box.Starter()));
  HttpClient client = MakeClient();
  ASSERT_EQ(client.StartRequest("GET", "/events").status, 200);
  const std::shared_ptr<StreamWriter> writer = box.Next();
  ASSERT_NE(writer, nullptr);
  ASSERT_TRUE(writer->Write("before the stop\n"));
  EXPECT_EQ(ReadBody(client, 16), "before the stop\n");

  server_->Stop();
  std::string rest;
  EXPECT_NO_THROW(rest = ReadBodyToEnd(client));  // ends with the last chunk, not cut
  EXPECT_EQ(rest, "");
  server_->Wait();  // returns: the stream does not hold the server up
  EXPECT_FALSE(writer->Write("after the stop\n"));
}

TEST_F(ServerStreamTest, CutsAStreamWhoseQueueOutgrowsTheBound) {
  // The starter runs on the session's strand, so nothing is sent while it writes: every piece
  // stays queued and the bound (1 MiB) is reached deterministically.
  constexpr size_t kPiece = 64 * 1024;
  std::promise<int> accepted_pieces;
  StartServer(StreamingSite([&accepted_pieces](std::shared_ptr<StreamWriter> writer) {
    int accepted = 0;
    while (accepted < 1000 && writer->Write(std::string(kPiece, 'x'))) ++accepted;
    accepted_pieces.set_value(accepted);
  }));
  HttpClient client = MakeClient();
  ASSERT_EQ(client.StartRequest("GET", "/events").status, 200);
  std::future<int> accepted = accepted_pieces.get_future();
  ASSERT_EQ(accepted.wait_for(kWait), std::future_status::ready);
  const int count = accepted.get();
  EXPECT_GT(count, 0);
  EXPECT_LE(static_cast<size_t>(count) * kPiece, size_t{1024 * 1024});
  EXPECT_THROW(ReadBodyToEnd(client), std::runtime_error);  // cut: no last chunk
  EXPECT_THAT(LogOnceItHas("too slow"), HasSubstr("\"GET /events\" 200 "));
}

TEST_F(ServerStreamTest, CutsAStreamWhoseReaderStopsReading) {
  WriterBox box;
  StartServer(StreamingSite(box.Starter()));
  HttpClient client = MakeClient();
  ASSERT_EQ(client.StartRequest("GET", "/events").status, 200);  // then reads nothing
  const std::shared_ptr<StreamWriter> writer = box.Next();
  ASSERT_NE(writer, nullptr);
  // At most 64 MiB: more than the socket buffers and the 1 MiB queue hold together.
  int accepted = 0;
  while (accepted < 1024 && writer->Write(std::string(64 * 1024, 'x'))) {
    ++accepted;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  EXPECT_LT(accepted, 1024) << "a reader who reads nothing made the server queue 64 MiB";
  EXPECT_FALSE(writer->Write("more"));
}

TEST_F(ServerStreamTest, AnswersHeadWithTheHeadAloneAndNoProducer) {
  WriterBox box;
  StartServer(StreamingSite(box.Starter()));
  HttpClient client = MakeClient();
  const HttpResponse head = client.Request("HEAD", "/events");
  EXPECT_EQ(head.status, 200);
  EXPECT_EQ(head.Header("content-type"), "text/event-stream; charset=utf-8");
  EXPECT_EQ(head.Header("transfer-encoding"), "chunked");
  EXPECT_EQ(head.body, "");
  EXPECT_EQ(client.Get("/plain").body, "ok");  // the connection is still in step
  EXPECT_EQ(box.started(), 0);
}

TEST_F(ServerStreamTest, EndsTheBodyWhenTheProducerDropsItsWriter) {
  StartServer(StreamingSite([](std::shared_ptr<StreamWriter> writer) {
    EXPECT_TRUE(writer->Write("only piece\n"));
  }));
  HttpClient client = MakeClient();
  ASSERT_EQ(client.StartRequest("GET", "/events").status, 200);
  std::string body;
  EXPECT_NO_THROW(body = ReadBodyToEnd(client));
  EXPECT_EQ(body, "only piece\n");
  EXPECT_EQ(client.Get("/plain").body, "ok");
}

TEST_F(ServerStreamTest, AWriterThatOutlivesTheServerIsHarmless) {
  WriterBox box;
  StartServer(StreamingSite(box.Starter()));
  HttpClient client = MakeClient();
  ASSERT_EQ(client.StartRequest("GET", "/events").status, 200);
  const std::shared_ptr<StreamWriter> writer = box.Next();
  ASSERT_NE(writer, nullptr);
  ASSERT_TRUE(writer->Write("x\n"));
  EXPECT_EQ(ReadBody(client, 2), "x\n");
  server_.reset();
  EXPECT_FALSE(writer->Write("y\n"));
  writer->Close();
}

}  // namespace
}  // namespace coolpapers::web
