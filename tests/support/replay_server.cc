#include "tests/support/replay_server.h"

#include <zlib.h>

#include <algorithm>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>
#include <cctype>
#include <fstream>
#include <optional>
#include <sstream>
#include <stdexcept>

namespace coolpapers::testing {

namespace asio = boost::asio;
namespace http = boost::beast::http;
using tcp = asio::ip::tcp;

std::string ReadFileBytes(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + file.string());
  std::ostringstream body;
  body << in.rdbuf();
  return body.str();
}

std::string GzipCompress(const std::string& data) {
  z_stream stream{};
  // windowBits 15 + 16 selects the gzip wrapper.
  if (deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) !=
      Z_OK) {
    throw std::runtime_error("deflateInit2 failed");
  }
  std::string out(deflateBound(&stream, data.size()) + 32, '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  int rc = deflate(&stream, Z_FINISH);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  if (rc != Z_STREAM_END) throw std::runtime_error("deflate failed");
  return out;
}

ReplayServer::ReplayServer()
    : listener_(std::make_unique<LoopbackListener>([this](tcp::socket& s) { Serve(s); })) {}

ReplayServer::~ReplayServer() = default;

std::string ReplayServer::Url(const std::string& target) const {
  return "http://127.0.0.1:" + std::to_string(port()) + target;
}

void ReplayServer::SetRoute(const std::string& target, CannedResponse response) {
  std::lock_guard lock(mutex_);
  routes_[target].response = std::move(response);
}

void ReplayServer::SetRouteFromFile(const std::string& target, const std::filesystem::path& file,
                                    const std::string& content_type) {
  SetRoute(target,
           CannedResponse{200, {{"Content-Type", content_type}}, ReadFileBytes(file), false});
}

void ReplayServer::AddFault(const std::string& target, Fault fault, int count) {
  std::lock_guard lock(mutex_);
  for (int i = 0; i < count; ++i) routes_[target].faults.push_back(fault);
}

std::vector<LoggedRequest> ReplayServer::RequestLog() const {
  std::lock_guard lock(mutex_);
  return log_;
}

// One request per connection (the response says Connection: close), so a connection thread
// always ends and the destructor can join it.
void ReplayServer::Serve(tcp::socket& socket) {
  boost::system::error_code ec;
  boost::beast::flat_buffer buffer;
  http::request<http::string_body> request;
  http::read(socket, buffer, request, ec);
  if (ec) return;

  LoggedRequest logged;
  logged.method = std::string(request.method_string());
  logged.target = std::string(request.target());
  logged.body = request.body();
  logged.arrived = std::chrono::steady_clock::now();
  for (const auto& field : request) {
    std::string name(field.name_string());
    std::ranges::transform(name, name.begin(), [](unsigned char c) { return std::tolower(c); });
    logged.headers[name] = std::string(field.value());
  }
  std::optional<Fault> fault;
  CannedResponse canned{404, {{"Content-Type", "text/plain"}}, "no route\n", false};
  {
    std::lock_guard lock(mutex_);
    log_.push_back(logged);
    auto it = routes_.find(logged.target);
    if (it != routes_.end()) {
      canned = it->second.response;
      if (!it->second.faults.empty()) {
        fault = it->second.faults.front();
        it->second.faults.pop_front();
      }
    }
  }

  if (fault && fault->kind == Fault::Kind::kReset) {
    socket.set_option(asio::socket_base::linger(true, 0), ec);  // close() now sends RST
    socket.close(ec);
    return;
  }
  if (fault && fault->kind == Fault::Kind::kDelay) std::this_thread::sleep_for(fault->delay);
  if (fault && fault->kind == Fault::Kind::kStatus) {
    canned = CannedResponse{fault->status, {{"Content-Type", "text/plain"}}, "fault\n", false};
    if (!fault->retry_after.empty()) canned.headers["Retry-After"] = fault->retry_after;
  }

  http::response<http::string_body> response{static_cast<http::status>(canned.status),
                                             request.version()};
  for (const auto& [name, value] : canned.headers) response.set(name, value);
  std::string body = canned.body;
  auto accepts = logged.headers.find("accept-encoding");
  if (canned.gzip && accepts != logged.headers.end() &&
      accepts->second.find("gzip") != std::string::npos) {
    body = GzipCompress(body);
    response.set(http::field::content_encoding, "gzip");
  }
  response.set(http::field::connection, "close");
  response.keep_alive(false);

  if (fault && fault->kind == Fault::Kind::kTruncate) {
    response.set(http::field::content_length, std::to_string(body.size()));
    http::response_serializer<http::string_body> serializer(response);
    http::write_header(socket, serializer, ec);
    asio::write(socket, asio::buffer(body.data(), body.size() / 2), ec);
    socket.shutdown(tcp::socket::shutdown_both, ec);
    socket.close(ec);
    return;
  }
  response.body() = std::move(body);
  response.prepare_payload();
  http::write(socket, response, ec);
  socket.shutdown(tcp::socket::shutdown_send, ec);
  // Drain until the client closes, so our close does not reset a response still unread.
  char sink[256];
  while (!ec) socket.read_some(asio::buffer(sink), ec);
  socket.close(ec);
}

}  // namespace coolpapers::testing
