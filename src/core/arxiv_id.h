// arXiv identifiers: new style "YYMM.NNNN" (to 1412) and "YYMM.NNNNN" (from 1501), old style
// "archive[.SUBJ]/YYMMNNN"; each with an optional version "vN".
#ifndef COOLPAPERS_CORE_ARXIV_ID_H_
#define COOLPAPERS_CORE_ARXIV_ID_H_

#include <compare>
#include <string>
#include <string_view>

#include "core/error.h"

namespace coolpapers {

class ArxivId {
 public:
  // Parses "2401.06769", "2401.06769v2", "1406.2661", "hep-th/9901001", "math.AG/0601001",
  // "cs/0506078v2". Zero-padding variants resolve to the canonical form: "1406.02661" is
  // 1406.2661 (four digits before 1501) and "2401.6769" is 2401.06769 (five digits from 1501).
  // Surrounding whitespace and an "arXiv:" prefix are accepted. Anything else returns
  // kInvalidArgument: `invalid arXiv id "1406.0266x": expected YYMM.NNNNN[vN] or archive/YYMMNNN[vN]`.
  [[nodiscard]] static Result<ArxivId> Parse(std::string_view text);

  // The canonical id without version: "1406.2661", "hep-th/9901001" (old-style subject classes
  // such as "math.AG/0601001" keep their subject: arXiv serves them under that id).
  const std::string& str() const { return id_; }
  int version() const { return version_; }  // 0 when the text had no "vN"
  bool is_old_style() const;
  // The id as text with its version when it has one: "2401.06769v2".
  std::string WithVersion() const;
  ArxivId WithoutVersion() const;

  auto operator<=>(const ArxivId&) const = default;

 private:
  std::string id_;
  int version_ = 0;
};

}  // namespace coolpapers

#endif  // COOLPAPERS_CORE_ARXIV_ID_H_
