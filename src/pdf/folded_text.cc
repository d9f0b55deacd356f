#include "pdf/folded_text.h"

#include <cctype>

namespace coolpapers::pdf {

std::string FoldCaseAndSpaces(std::string_view text) {
  std::string folded;
  folded.reserve(text.size());
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isspace(u)) {
      if (!folded.empty() && folded.back() != ' ') folded += ' ';
    } else {
      folded += static_cast<char>(std::tolower(u));
    }
  }
  if (!folded.empty() && folded.back() == ' ') folded.pop_back();
  return folded;
}

}  // namespace coolpapers::pdf
