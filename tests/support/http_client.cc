#include "tests/support/http_client.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <cctype>
#include <stdexcept>

namespace coolpapers::testing {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;

struct HttpClient::Connection {
  asio::io_context io;
  beast::tcp_stream stream{io};
  beast::flat_buffer buffer;
};

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

}  // namespace coolpapers::testing
