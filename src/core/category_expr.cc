#include "core/category_expr.h"

#include <algorithm>
#include <optional>
#include <string>

#include "core/category.h"
#include "core/quoted_text.h"

namespace coolpapers {
namespace {

bool IsLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsOperator(char c) { return c == ',' || c == '+' || c == '-'; }

// Letters, '.', '-' (ids), and the operators ',' and '+': anything else (spaces, digits,
// slashes) cannot appear in an expression. No category id begins or ends with '-' or holds
// "--", so an operator at either end or next to another operator always means an empty term.
bool HasExpressionSyntax(std::string_view text) {
  if (text.empty() || IsOperator(text.front()) || IsOperator(text.back())) return false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (!IsLetter(c) && c != '.' && !IsOperator(c)) return false;
    if (i > 0 && IsOperator(c) && IsOperator(text[i - 1])) return false;
  }
  return true;
}

// The length of the longest category id at the start of `text` that ends where `text` ends or
// at a '-'; 0 when none. Needed because '-' both subtracts and appears inside ids
// ("hep-th-cs.AI" is hep-th minus cs.AI). arXiv has no pair of ids X and X-Y, so the longest
// match is the only one. Only the first kLongestCategoryId bytes can hold an id, so the cost
// does not grow with `text` (a path of 16 KB of dashes must not cost a quadratic scan).
size_t KnownCategoryPrefix(std::string_view text) {
  size_t longest = 0;
  const size_t last_end = std::min(text.size(), kLongestCategoryId);
  for (size_t end = 0; end <= last_end; ++end) {
    if ((end == text.size() || text[end] == '-') && FindCategory(text.substr(0, end)) != nullptr) {
      longest = end;
    }
  }
  return longest;
}

// For the error message: the unknown term at the start of `text` runs to the first '-' that
// is followed by a known category, else to the end.
std::string_view UnknownTerm(std::string_view text) {
  for (size_t dash = text.find('-'); dash != std::string_view::npos;
       dash = text.find('-', dash + 1)) {
    if (KnownCategoryPrefix(text.substr(dash + 1)) > 0) return text.substr(0, dash);
  }
  return text;
}

// Splits a run joined by '-' ("cs.AI-hep-th-cs.CY") into its category ids.
Result<std::vector<std::string_view>> SplitDashedTerms(std::string_view run) {
  std::vector<std::string_view> terms;
  while (true) {
    const size_t length = KnownCategoryPrefix(run);
    if (length == 0) {
      return Fail(ErrorCode::kInvalidArgument,
                  "unknown arXiv category " + QuoteForMessage(UnknownTerm(run)));
    }
    terms.push_back(run.substr(0, length));
    if (length == run.size()) return terms;
    run.remove_prefix(length + 1);
  }
}

Result<std::string> Canonical(std::string_view id) {
  Result<std::string_view> canonical = CanonicalCategory(id);
  if (!canonical) return std::unexpected(canonical.error());
  return std::string(*canonical);
}

void SortUnique(std::vector<std::string>& ids) {
  std::ranges::sort(ids);
  const auto duplicates = std::ranges::unique(ids);
  ids.erase(duplicates.begin(), duplicates.end());
}

}  // namespace

std::string CategoryExpr::ToString() const {
  std::string text;
  const char joiner = exclude.empty() ? ',' : '+';
  for (const std::string& id : include) {
    if (!text.empty()) text += joiner;
    text += id;
  }
  for (const std::string& id : exclude) text += "-" + id;
  return text;
}

Result<CategoryExpr> ParseCategoryExpr(std::string_view text) {
  auto invalid = [&] {
    return Fail(ErrorCode::kInvalidArgument, "invalid category expression " +
                                                 QuoteForMessage(text) +
                                                 ": expected CAT, CAT,CAT or CAT+CAT-CAT");
  };
  if (text.size() > kMaxCategoryExprLength) {
    return Fail(ErrorCode::kInvalidArgument,
                "category expression too long: " + std::to_string(text.size()) +
                    " bytes, at most " + std::to_string(kMaxCategoryExprLength));
  }
  if (!HasExpressionSyntax(text)) return invalid();

  CategoryExpr expr;
  std::string_view rest = text;
  bool excluding = false;
  while (!rest.empty()) {
    const size_t join = std::min(rest.find(','), rest.find('+'));
    const std::string_view run = rest.substr(0, join);
    rest = join == std::string_view::npos ? std::string_view{} : rest.substr(join + 1);
    // Once something is subtracted, nothing may be added: "cs.AI-cs.CY+cs.LG" is ambiguous.
    if (excluding) return invalid();

    Result<std::vector<std::string_view>> terms = SplitDashedTerms(run);
    if (!terms) return std::unexpected(terms.error());
    for (size_t i = 0; i < terms->size(); ++i) {
      Result<std::string> id = Canonical((*terms)[i]);
      if (!id) return std::unexpected(id.error());
      (i == 0 ? expr.include : expr.exclude).push_back(std::move(*id));
    }
    excluding = terms->size() > 1;
  }

  SortUnique(expr.include);
  SortUnique(expr.exclude);
  for (const std::string& id : expr.exclude) {
    if (std::ranges::binary_search(expr.include, id)) {
      return Fail(ErrorCode::kInvalidArgument, "invalid category expression " +
                                                   QuoteForMessage(text) + ": " + id +
                                                   " is both included and excluded");
    }
  }
  return expr;
}

bool LooksLikeCategoryExpr(std::string_view text) {
  if (text.empty() || !IsLetter(text.front())) return false;
  return std::ranges::all_of(
      text, [](char c) { return IsLetter(c) || c == '.' || c == '-' || c == ',' || c == '+'; });
}

}  // namespace coolpapers
