// A small synchronous HTTP/1.1 client for tests: one connection to a loopback server, reused
// across requests (keep-alive), every operation bounded by a timeout.
#ifndef COOLPAPERS_TESTS_SUPPORT_HTTP_CLIENT_H_
#define COOLPAPERS_TESTS_SUPPORT_HTTP_CLIENT_H_

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <string>

namespace coolpapers::testing {

struct HttpResponse {
  int status = 0;
  std::map<std::string, std::string> headers;  // names lower-cased
  std::string body;

  std::string Header(const std::string& lower_name) const {
    auto it = headers.find(lower_name);
    return it == headers.end() ? std::string() : it->second;
  }
};

class HttpClient {
 public:
  // Connects lazily to host:port; reconnects when the server closed the connection.
  HttpClient(std::string host, unsigned short port,
             std::chrono::milliseconds timeout = std::chrono::seconds(10));
  ~HttpClient();

  // Sends `method target` with the extra headers; throws std::runtime_error on a network
  // failure or timeout (tests treat that as a failure, never as a response).
  HttpResponse Request(const std::string& method, const std::string& target,
                       const std::map<std::string, std::string>& headers = {});
  HttpResponse Get(const std::string& target) { return Request("GET", target); }

  // For a body that arrives over time (a streamed response): sends the request like Request()
  // but reads only the response head; then read the body with ReadBodySome(). Throws
  // std::runtime_error on a network failure or timeout.
  HttpResponse StartRequest(const std::string& method, const std::string& target,
                            const std::map<std::string, std::string>& headers = {});
  // The body bytes of the response begun by StartRequest that have arrived, waiting up to the
  // timeout for at least one; "" once the body is complete, after which Request() and
  // StartRequest() go on on the same connection. Throws std::runtime_error on a network failure,
  // a timeout or a body cut short.
  std::string ReadBodySome();
  // Closes the connection, as a reader who leaves; the next request opens a new one.
  void Disconnect();

 private:
  struct Connection;
  std::string host_;
  unsigned short port_;
  std::chrono::milliseconds timeout_;
  std::unique_ptr<Connection> connection_;
};

// Asks `client` for `target` every 50 ms until `done` holds for the answer or `limit` passes;
// returns the last answer (the caller's assertions then say what was seen instead).
HttpResponse GetUntil(HttpClient& client, const std::string& target,
                      const std::function<bool(const HttpResponse&)>& done,
                      std::chrono::milliseconds limit = std::chrono::seconds(40));

}  // namespace coolpapers::testing

#endif  // COOLPAPERS_TESTS_SUPPORT_HTTP_CLIENT_H_
