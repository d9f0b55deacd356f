#include "core/arxiv_id.h"

#include <algorithm>
#include <cctype>
#include <optional>

#include "core/category.h"
#include "core/quoted_text.h"
#include "core/whitespace.h"

namespace coolpapers {
namespace {

// arXiv switched from 4- to 5-digit sequence numbers in January 2015 (1501); new-style ids
// themselves began in April 2007 (0704). https://info.arxiv.org/help/arxiv_identifier.html
constexpr int kFirstNewStyleYymm = 704;
constexpr int kFirstFiveDigitYymm = 1501;
constexpr size_t kMaxVersionDigits = 4;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool AllDigits(std::string_view text) {
  return !text.empty() && std::ranges::all_of(text, IsDigit);
}

int ToInt(std::string_view digits) {
  int value = 0;
  for (const char c : digits) value = value * 10 + (c - '0');
  return value;
}

bool IsValidMonth(std::string_view mm) {
  const int month = ToInt(mm);
  return month >= 1 && month <= 12;
}

std::string_view StripArxivPrefix(std::string_view text) {
  constexpr std::string_view kPrefix = "arxiv:";
  if (text.size() < kPrefix.size()) return text;
  for (size_t i = 0; i < kPrefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(text[i])) != kPrefix[i]) return text;
  }
  return text.substr(kPrefix.size());
}

// Splits a trailing "vN" (N >= 1, written without leading zeros) off `text`. Returns the
// version, 0 when there is none, or nullopt when the suffix looks like a version but is not one.
// A 'v' before the slash belongs to an archive name ("solv-int/9901001").
std::optional<int> SplitVersion(std::string_view& text) {
  const size_t v = text.rfind('v');
  const size_t slash = text.rfind('/');
  if (v == std::string_view::npos || (slash != std::string_view::npos && v < slash)) return 0;
  const std::string_view digits = text.substr(v + 1);
  if (!AllDigits(digits) || digits.front() == '0' || digits.size() > kMaxVersionDigits) {
    return std::nullopt;
  }
  text = text.substr(0, v);
  return ToInt(digits);
}

// "YYMM.NNNN" or "YYMM.NNNNN", returned in the canonical width for its month.
std::optional<std::string> CanonicalNewStyle(std::string_view text) {
  if (text.size() < 9 || text[4] != '.') return std::nullopt;
  const std::string_view yymm = text.substr(0, 4);
  std::string_view number = text.substr(5);
  if (!AllDigits(yymm) || !AllDigits(number) || number.size() > 5) return std::nullopt;
  if (!IsValidMonth(yymm.substr(2)) || ToInt(yymm) < kFirstNewStyleYymm) return std::nullopt;
  if (ToInt(number) == 0) return std::nullopt;

  const size_t width = ToInt(yymm) < kFirstFiveDigitYymm ? 4 : 5;
  // Only zero padding may differ from the canonical width: "1406.02661" is 1406.2661 but
  // "1406.12661" is no id at all.
  if (number.size() > width) {
    if (number.front() != '0') return std::nullopt;
    number.remove_prefix(1);
  }
  std::string canonical(yymm);
  canonical += '.';
  canonical.append(width - number.size(), '0');
  canonical += number;
  return canonical;
}

// "archive/YYMMNNN" or "archive.SUBJ/YYMMNNN" with a real archive (and subject class).
bool IsOldStyle(std::string_view text) {
  const size_t slash = text.find('/');
  if (slash == std::string_view::npos) return false;
  const std::string_view prefix = text.substr(0, slash);
  const std::string_view number = text.substr(slash + 1);
  if (number.size() != 7 || !AllDigits(number)) return false;
  // Old-style numbering ran from August 1991 (9108) to March 2007 (0703).
  const int yy = ToInt(number.substr(0, 2));
  if (!(yy >= 91 || yy <= 7) || !IsValidMonth(number.substr(2, 2))) return false;
  if (ToInt(number.substr(4)) == 0) return false;

  const size_t dot = prefix.find('.');
  if (dot == std::string_view::npos) return IsArxivArchive(prefix);
  const Category* category = FindCategory(prefix);
  return category != nullptr && category->archive == prefix.substr(0, dot);
}

}  // namespace

Result<ArxivId> ArxivId::Parse(std::string_view text) {
  auto invalid = [&] {
    return Fail(ErrorCode::kInvalidArgument,
                "invalid arXiv id " + QuoteForMessage(text) +
                    ": expected YYMM.NNNNN[vN] or archive/YYMMNNN[vN]");
  };
  std::string_view rest = StripArxivPrefix(TrimWhitespace(text));
  const std::optional<int> version = SplitVersion(rest);
  if (!version) return invalid();

  ArxivId id;
  id.version_ = *version;
  if (std::optional<std::string> canonical = CanonicalNewStyle(rest)) {
    id.id_ = std::move(*canonical);
  } else if (IsOldStyle(rest)) {
    id.id_ = std::string(rest);
  } else {
    return invalid();
  }
  return id;
}

bool ArxivId::is_old_style() const { return id_.find('/') != std::string::npos; }

std::string ArxivId::WithVersion() const {
  return version_ > 0 ? id_ + "v" + std::to_string(version_) : id_;
}

ArxivId ArxivId::WithoutVersion() const {
  ArxivId copy = *this;
  copy.version_ = 0;
  return copy;
}

}  // namespace coolpapers
