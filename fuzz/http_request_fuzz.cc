// HTTP request parsing as the server does it (web/server.cc): the head's line endings checked
// (web/request_head.h), Beast's request parser with the server's default header and body
// limits, fed in two pieces as a socket would, then the target's path and query
// percent-decoded as the router does.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "web/request_head.h"
#include "web/server.h"
#include "web/url_codec.h"

namespace http = boost::beast::http;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  const std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  const size_t cut = data[0] % (bytes.size() + 1);
  if (coolpapers::web::ScanRequestHead(bytes) == coolpapers::web::RequestHead::kBareLineFeed) {
    return 0;  // answered 400 before Beast sees it
  }
  const coolpapers::web::ServerOptions defaults;
  http::request_parser<http::string_body> parser;
  parser.header_limit(static_cast<std::uint32_t>(defaults.header_limit));
  parser.body_limit(defaults.body_limit);
  parser.eager(true);
  // As a socket delivers them: what the parser has not consumed waits for the next piece.
  std::string pending;
  boost::beast::error_code ec;
  for (std::string_view piece : {bytes.substr(0, cut), bytes.substr(cut)}) {
    pending.append(piece);
    while (!pending.empty() && !parser.is_done()) {
      const size_t used = parser.put(boost::asio::buffer(pending.data(), pending.size()), ec);
      pending.erase(0, used);
      if (ec == http::error::need_more) {
        ec = {};
        break;
      }
      if (ec) return 0;
      if (used == 0) break;
    }
  }
  if (ec || !parser.is_header_done()) return 0;
  const auto& request = parser.get();
  const std::string_view target(request.target().data(), request.target().size());
  const size_t question = target.find('?');
  (void)coolpapers::web::PercentDecode(target.substr(0, question), coolpapers::web::PlusMeans::kPlus);
  if (question != std::string_view::npos) {
    (void)coolpapers::web::PercentDecode(target.substr(question + 1), coolpapers::web::PlusMeans::kSpace);
  }
  return 0;
}
