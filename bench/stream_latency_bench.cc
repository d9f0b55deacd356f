// Issue #4's streaming target: our added latency from the model's first token to the reader's
// screen <= 50 ms. A loopback server streams a route whose producer writes a server-sent event
// every few milliseconds, stamped with the time of its Write; a loopback client reads the body
// as it arrives and takes, for each event, the time from that Write to its arrival. Prints
// p50/p99/max over the events. The model and the browser are outside: this is the server's share.
//   stream_latency_bench [--pieces N] [--interval-ms N]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <future>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "tests/support/http_client.h"
#include "web/http_message.h"
#include "web/server.h"
#include "web/sse_event.h"

namespace {

using namespace coolpapers;
using Clock = std::chrono::steady_clock;

struct Flags {
  int pieces = 1000;
  int interval_ms = 3;
};

Flags ParseFlags(int argc, char** argv) {
  Flags flags;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--pieces") flags.pieces = std::max(1, std::atoi(argv[i + 1]));
    if (flag == "--interval-ms") flags.interval_ms = std::max(0, std::atoi(argv[i + 1]));
  }
  return flags;
}

long long NowNanos() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now().time_since_epoch())
      .count();
}

double Percentile(const std::vector<double>& sorted, double fraction) {
  const size_t index = static_cast<size_t>(fraction * static_cast<double>(sorted.size() - 1) + 0.5);
  return sorted[std::min(index, sorted.size() - 1)];
}

}  // namespace

int main(int argc, char** argv) {
  const Flags flags = ParseFlags(argc, argv);
  // The starter must return at once: it hands the writer to the producer thread, started below.
  std::promise<std::shared_ptr<web::StreamWriter>> writer_promise;
  const web::StreamStarter starter = [&writer_promise](std::shared_ptr<web::StreamWriter> writer) {
    writer_promise.set_value(std::move(writer));
  };
  std::thread producer;
  web::ServerOptions options;
  options.host = "127.0.0.1";
  options.port = 0;
  options.threads = 2;
  options.handle_signals = false;
  options.access_log = nullptr;
  Result<std::unique_ptr<web::Server>> server =
      web::Server::Start(options, [&starter](const web::Request&) {
        web::Response response;
        response.content_type = web::kEventStreamType;
        response.stream = starter;
        return response;
      });
  if (!server) {
    std::fprintf(stderr, "stream_latency_bench: %s\n", server.error().message.c_str());
    return 1;
  }

  std::vector<double> latencies_ms;
  latencies_ms.reserve(static_cast<size_t>(flags.pieces));
  try {
    testing::HttpClient client("127.0.0.1", (*server)->port());
    if (client.StartRequest("GET", "/events").status != 200) {
      std::fprintf(stderr, "stream_latency_bench: the stream does not answer 200\n");
      return 1;
    }
    std::future<std::shared_ptr<web::StreamWriter>> writer = writer_promise.get_future();
    if (writer.wait_for(std::chrono::seconds(10)) != std::future_status::ready) {
      std::fprintf(stderr, "stream_latency_bench: the stream's producer was not started\n");
      return 1;
    }
    producer = std::thread([writer = writer.get(), flags] {
      for (int i = 0; i < flags.pieces; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(flags.interval_ms));
        if (!writer->Write(web::RenderSseEvent("token", std::to_string(NowNanos())))) break;
      }
      writer->Close();
    });
    std::string pending;
    for (std::string piece = client.ReadBodySome(); !piece.empty(); piece = client.ReadBodySome()) {
      const long long arrived = NowNanos();
      pending += piece;
      // Each event is "event: token\ndata: <ns>\n\n"; events read together arrived together.
      for (size_t end; (end = pending.find("\n\n")) != std::string::npos; pending.erase(0, end + 2)) {
        const size_t data = pending.find("data: ");
        if (data == std::string::npos || data > end) continue;
        const long long written = std::atoll(pending.c_str() + data + 6);
        latencies_ms.push_back(static_cast<double>(arrived - written) / 1e6);
      }
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "stream_latency_bench: %s\n", e.what());
    if (producer.joinable()) producer.join();
    return 1;
  }
  if (producer.joinable()) producer.join();
  if (latencies_ms.empty()) {
    std::fprintf(stderr, "stream_latency_bench: no event arrived\n");
    return 1;
  }
  std::sort(latencies_ms.begin(), latencies_ms.end());
  std::printf("streamed events: %zu, one every %d ms, loopback, 2 server threads\n",
              latencies_ms.size(), flags.interval_ms);
  std::printf("Write -> client received: p50 %.3f ms, p99 %.3f ms, max %.3f ms   target: <= 50 ms\n",
              Percentile(latencies_ms, 0.50), Percentile(latencies_ms, 0.99), latencies_ms.back());
  return 0;
}
