#include "tests/support/http_client.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <cctype>
#include <optional>
#include <stdexcept>
#include <thread>

namespace coolpapers::testing {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;

struct HttpClient::Connection {
  asio::io_context io;
  beast::tcp_stream stream{io};
  beast::flat_buffer buffer;
  // The response begun by StartRequest, while its body is being read.
  std::optional<http::response_parser<http::string_body>> streaming;
};

namespace {

// Runs one asynchronous operation on the connection to completion. Async, because tcp_stream's
// timeout (expires_after) bounds only asynchronous operations.
template <class Start>
beast::error_code RunBounded(asio::io_context& io, Start start) {
  beast::error_code result = asio::error::would_block;
  start([&result](beast::error_code ec, std::size_t) { result = ec; });
  io.restart();
  io.run();
  return result;
}

}  // namespace

HttpClient::HttpClient(std::string host, unsigned short port, std::chrono::milliseconds timeout)
    : host_(std::move(host)), port_(port), timeout_(timeout) {}

HttpClient::~HttpClient() = default;

HttpResponse HttpClient::Request(const std::string& method, const std::string& target,
                                 const std::map<std::string, std::string>& headers) {
  // One retry covers a keep-alive connection the server closed between two requests.
  for (int attempt = 0; attempt < 2; ++attempt) {
    try {
      if (!connection_) {
        connection_ = std::make_unique<Connection>();
        asio::ip::tcp::resolver resolver(connection_->io);
        connection_->stream.expires_after(timeout_);
        connection_->stream.connect(resolver.resolve(host_, std::to_string(port_)));
      }
      http::request<http::empty_body> request{http::string_to_verb(method), target, 11};
      request.set(http::field::host, host_);
      for (const auto& [name, value] : headers) request.set(name, value);
      connection_->stream.expires_after(timeout_);
      http::write(connection_->stream, request);

      http::response_parser<http::string_body> parser;
      parser.body_limit(256 * 1024 * 1024);
      parser.skip(method == "HEAD");
      http::read(connection_->stream, connection_->buffer, parser);
      auto response = parser.release();

      HttpResponse result;
      result.status = static_cast<int>(response.result_int());
      for (const auto& field : response) {
        std::string name(field.name_string());
        for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        result.headers[name] = std::string(field.value());
      }
      result.body = std::move(response.body());
      if (!response.keep_alive()) connection_.reset();
      return result;
    } catch (const beast::system_error& e) {
      connection_.reset();
      if (attempt == 1) {
        throw std::runtime_error("HTTP " + method + " " + target + " failed: " + e.what());
      }
    }
  }
  throw std::logic_error("unreachable");
}

HttpResponse HttpClient::StartRequest(const std::string& method, const std::string& target,
                                      const std::map<std::string, std::string>& headers) {
  const auto failed = [&](const std::string& what) {
    connection_.reset();
    return std::runtime_error("HTTP " + method + " " + target + " failed: " + what);
  };
  if (connection_ && connection_->streaming) throw failed("the previous body is still streaming");
  if (!connection_) {
    connection_ = std::make_unique<Connection>();
    asio::ip::tcp::resolver resolver(connection_->io);
    beast::error_code ec;
    const auto endpoints = resolver.resolve(host_, std::to_string(port_), ec);
    if (ec) throw failed(ec.message());
    connection_->stream.expires_after(timeout_);
    ec = RunBounded(connection_->io, [&](auto done) {
      connection_->stream.async_connect(
          endpoints, [done](beast::error_code e, const asio::ip::tcp::endpoint&) { done(e, 0); });
    });
    if (ec) throw failed(ec.message());
  }
  Connection& connection = *connection_;
  http::request<http::empty_body> request{http::string_to_verb(method), target, 11};
  request.set(http::field::host, host_);
  for (const auto& [name, value] : headers) request.set(name, value);
  connection.stream.expires_after(timeout_);
  beast::error_code ec = RunBounded(
      connection.io, [&](auto done) { http::async_write(connection.stream, request, done); });
  if (ec) throw failed(ec.message());
  connection.streaming.emplace();
  connection.streaming->body_limit(boost::none);
  connection.streaming->skip(method == "HEAD");
  connection.stream.expires_after(timeout_);
  ec = RunBounded(connection.io, [&](auto done) {
    http::async_read_header(connection.stream, connection.buffer, *connection.streaming, done);
  });
  if (ec) throw failed(ec.message());
  const auto& head = connection.streaming->get();
  HttpResponse result;
  result.status = static_cast<int>(head.result_int());
  for (const auto& field : head) {
    std::string name(field.name_string());
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    result.headers[name] = std::string(field.value());
  }
  return result;
}

std::string HttpClient::ReadBodySome() {
  if (!connection_ || !connection_->streaming) {
    throw std::logic_error("ReadBodySome without a streamed response begun by StartRequest");
  }
  Connection& connection = *connection_;
  auto& parser = *connection.streaming;
  std::string& body = parser.get().body();
  // A read may bring only chunk framing: read on until body bytes or the end arrive.
  while (body.empty() && !parser.is_done()) {
    connection.stream.expires_after(timeout_);
    const beast::error_code ec = RunBounded(connection.io, [&](auto done) {
      http::async_read_some(connection.stream, connection.buffer, parser, done);
    });
    if (ec) {
      connection_.reset();
      throw std::runtime_error("reading a streamed body failed: " + ec.message());
    }
  }
  std::string piece = std::move(body);
  body.clear();
  if (piece.empty() && parser.is_done()) {
    const bool keep_alive = parser.get().keep_alive();
    connection.streaming.reset();
    if (!keep_alive) connection_.reset();
  }
  return piece;
}

void HttpClient::Disconnect() { connection_.reset(); }

HttpResponse GetUntil(HttpClient& client, const std::string& target,
                      const std::function<bool(const HttpResponse&)>& done,
                      std::chrono::milliseconds limit) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  HttpResponse response = client.Get(target);
  while (!done(response) && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    response = client.Get(target);
  }
  return response;
}

}  // namespace coolpapers::testing
