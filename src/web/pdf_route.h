// /pdf/<id> and /pdf/<id>v<n>: a paper's PDF from this instance's PDF cache, so readers on slow
// networks load it from us (issue #4; reference §2.11). Only papers the store knows are served
// (per-instance caching of arXiv's PDFs, never a proxy for arbitrary URLs). A PDF not cached yet
// is queued for download and answered 202 with the job's state, which the viewer polls.
// /pdf/<id>@<SOURCE> does the same for a venue paper, from the PDF URL its source gave and only
// from that source's own site (pdf/venue_pdf_hosts.h). The
// entry, with its parser and handler (pdf_route.cc), is in route_table.cc.
#ifndef COOLPAPERS_WEB_PDF_ROUTE_H_
#define COOLPAPERS_WEB_PDF_ROUTE_H_

#include <cstdint>
#include <string_view>

namespace coolpapers::web {

// How long the viewer waits before asking again about a queued or running download.
inline constexpr int kPdfRetryAfterSeconds = 2;

// What a Range header asks of a file of `size` bytes (RFC 9110 section 14.2).
struct RangeAnswer {
  enum class Kind {
    kWhole,          // no Range, or one we ignore (several ranges, another unit, malformed): 200
    kPart,           // bytes first..last (inclusive): 206
    kUnsatisfiable,  // a range wholly past the end: 416
  };
  Kind kind = Kind::kWhole;
  uint64_t first = 0;
  uint64_t last = 0;
};

// Resolves a Range header against a file of `size` bytes. Accepts one range:
// "bytes=0-1023", "bytes=1024-" (to the end), "bytes=-500" (the last 500); a last byte past the
// end is clipped. Pure.
RangeAnswer ResolveRange(std::string_view range_header, uint64_t size);

}  // namespace coolpapers::web

#endif  // COOLPAPERS_WEB_PDF_ROUTE_H_
