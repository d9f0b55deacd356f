#include "pdf/venue_pdf_hosts.h"

#include <algorithm>

#include "core/quoted_text.h"

namespace coolpapers::pdf {

const VenuePdfAllowList& DefaultVenuePdfAllowList() {
  static const VenuePdfAllowList kAllow = {
      {VenueSource::kAcl, "https://aclanthology.org/"},
      {VenueSource::kPmlr, "https://proceedings.mlr.press/"},
      // Volume v22's _posts still say http://.
      {VenueSource::kPmlr, "http://proceedings.mlr.press/"},
      // Newer volumes' _posts point at the volume's repository.
      {VenueSource::kPmlr, "https://raw.githubusercontent.com/mlresearch/"},
      {VenueSource::kCvf, "https://openaccess.thecvf.com/"},
      // ICCV 2019's pages are http://.
      {VenueSource::kCvf, "http://openaccess.thecvf.com/"},
      {VenueSource::kNeurIps, "https://papers.nips.cc/"},
      {VenueSource::kNeurIps, "https://proceedings.neurips.cc/"},
      {VenueSource::kIjcai, "https://www.ijcai.org/"},
      {VenueSource::kIjcai, "https://ijcai.org/"},
      {VenueSource::kAaai, "https://ojs.aaai.org/"},
      {VenueSource::kOpenReview, "https://openreview.net/"},
      // https://www.usenix.org/system/files/<conf><yy>-<slug>.pdf
      {VenueSource::kUsenix, "https://www.usenix.org/"},
  };
  return kAllow;
}

Result<void> CheckVenuePdfUrl(const VenuePdfAllowList& allow, VenueSource source,
                              std::string_view url) {
  const bool clean = std::ranges::none_of(url, [](char c) {
    return static_cast<unsigned char>(c) <= ' ' || c == '\x7f' || c == '\\';
  });
  std::string allowed;
  for (const VenuePdfOrigin& origin : allow) {
    if (origin.source != source) continue;
    if (clean && url.starts_with(origin.prefix) && url.size() > origin.prefix.size()) return {};
    allowed += (allowed.empty() ? "" : ", ") + origin.prefix;
  }
  return Fail(ErrorCode::kNotFound,
              "this instance does not fetch the PDF at " + QuoteForMessage(url) + " for a " +
                  std::string(VenueSourceName(source)) + " paper: it fetches only from " +
                  (allowed.empty() ? std::string("nowhere for this source") : allowed) +
                  "; follow the paper's own link instead");
}

}  // namespace coolpapers::pdf
