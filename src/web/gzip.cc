#include "web/gzip.h"
#include "core/whitespace.h"

#include <zlib.h>

#include <optional>

namespace coolpapers::web {
namespace {

// windowBits 15 + 16 asks deflateInit2 for a gzip header and trailer instead of zlib's.
constexpr int kGzipWindowBits = 15 + 16;
constexpr int kMemLevel = 8;

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    const auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

// A q-value of zero ("q=0", "q=0.000") means "not acceptable"; anything else, or none, admits it.
bool QualityIsZero(std::string_view params) {
  while (!params.empty()) {
    const size_t semi = params.find(';');
    const std::string_view param = TrimWhitespace(params.substr(0, semi));
    params = semi == std::string_view::npos ? std::string_view{} : params.substr(semi + 1);
    if (param.size() < 2 || (param[0] != 'q' && param[0] != 'Q') || param[1] != '=') continue;
    const std::string_view value = param.substr(2);
    return !value.empty() && value.find_first_not_of("0.") == std::string_view::npos;
  }
  return false;
}

}  // namespace

Result<std::string> GzipCompress(std::string_view data, int level) {
  z_stream stream{};
  if (deflateInit2(&stream, level, Z_DEFLATED, kGzipWindowBits, kMemLevel, Z_DEFAULT_STRATEGY) !=
      Z_OK) {
    return Fail(ErrorCode::kInternal, "cannot compress the page", "deflateInit2 failed");
  }
  std::string out(deflateBound(&stream, data.size()), '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  // deflateBound guarantees room for the whole output, so one Z_FINISH call completes.
  const int status = deflate(&stream, Z_FINISH);
  const std::string detail = stream.msg != nullptr ? stream.msg : "deflate did not finish";
  out.resize(stream.total_out);
  deflateEnd(&stream);
  if (status != Z_STREAM_END) return Fail(ErrorCode::kInternal, "cannot compress the page", detail);
  return out;
}

bool AcceptsGzip(std::string_view accept_encoding) {
  std::optional<bool> gzip;
  std::optional<bool> any;
  while (!accept_encoding.empty()) {
    const size_t comma = accept_encoding.find(',');
    std::string_view item = accept_encoding.substr(0, comma);
    accept_encoding =
        comma == std::string_view::npos ? std::string_view{} : accept_encoding.substr(comma + 1);
    const size_t semi = item.find(';');
    const std::string_view coding = TrimWhitespace(item.substr(0, semi));
    const bool acceptable =
        semi == std::string_view::npos || !QualityIsZero(item.substr(semi + 1));
    if (EqualsIgnoreCase(coding, "gzip") || EqualsIgnoreCase(coding, "x-gzip")) gzip = acceptable;
    if (coding == "*") any = acceptable;
  }
  // An explicit gzip entry wins over the "*" wildcard (RFC 9110 section 12.5.3).
  return gzip.value_or(any.value_or(false));
}

}  // namespace coolpapers::web
