// The paper a FAQ is about: an arXiv paper (at one version, or 0 for "the newest") or a venue
// paper ("2024.naacl-long.431@ACL"). A venue paper's PDF has no versions: its one answer per
// language is stored as version 1. The FAQ pipeline (faq/, web/faq_route.cc) takes either.
#ifndef COOLPAPERS_CORE_FAQ_PAPER_H_
#define COOLPAPERS_CORE_FAQ_PAPER_H_

#include <string>
#include <string_view>
#include <utility>
#include <variant>

#include "core/arxiv_id.h"
#include "core/error.h"
#include "core/venue.h"

namespace coolpapers {

class FaqPaper {
 public:
  FaqPaper() = default;  // an empty arXiv id, as ArxivId's default
  // Implicit: an arXiv id is the common case, and every caller that has one passes it as is.
  FaqPaper(ArxivId id) : id_(std::move(id)) {}  // NOLINT(google-explicit-constructor)
  // `version` is 0 (not chosen yet) or 1 (the only one).
  explicit FaqPaper(VenuePaperId id, int version = 0) : id_(std::move(id)), venue_version_(version) {}

  // "2401.06769", "2401.06769v2" (ArxivId::Parse) or, when it holds '@' (an arXiv id never
  // does), "2024.naacl-long.431@ACL" (ParseVenuePaperId). Errors: those parsers'.
  [[nodiscard]] static Result<FaqPaper> Parse(std::string_view text);

  bool is_venue() const { return std::holds_alternative<VenuePaperId>(id_); }
  const ArxivId& arxiv() const { return std::get<ArxivId>(id_); }        // !is_venue()
  const VenuePaperId& venue() const { return std::get<VenuePaperId>(id_); }  // is_venue()

  // The id answers are stored under, without version: "2401.06769", "2024.naacl-long.431@ACL".
  std::string str() const;
  // The version named: an arXiv id's "vN" (0 without one); a venue paper's 0 or 1.
  int version() const;
  // This paper at `version` (>= 1); a venue paper's only version is 1, whatever is asked.
  FaqPaper AtVersion(int version) const;
  // For messages and PDF names: "arXiv 2401.06769v2", "2024.naacl-long.431@ACL".
  std::string Describe() const;

  bool operator==(const FaqPaper&) const = default;

 private:
  std::variant<ArxivId, VenuePaperId> id_;
  int venue_version_ = 0;
};

}  // namespace coolpapers

#endif  // COOLPAPERS_CORE_FAQ_PAPER_H_
