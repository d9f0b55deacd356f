#include "core/unicode_nfc.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

namespace coolpapers {

std::string ComposeNfc(std::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return std::string(utf8);
  const icu::UnicodeString text =
      icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  if (text.indexOf(static_cast<UChar>(0xFFFD)) >= 0 &&
      utf8.find("\xEF\xBF\xBD") == std::string_view::npos) {
    return std::string(utf8);  // malformed input: ICU replaced bytes, so keep the original
  }
  if (nfc->isNormalized(text, status) && U_SUCCESS(status)) return std::string(utf8);
  status = U_ZERO_ERROR;
  const icu::UnicodeString composed = nfc->normalize(text, status);
  if (U_FAILURE(status)) return std::string(utf8);
  std::string out;
  composed.toUTF8String(out);
  return out;
}

bool IsSingleLetter(std::string_view utf8) {
  int32_t offset = 0;
  UChar32 c = 0;
  const auto length = static_cast<int32_t>(utf8.size());
  U8_NEXT(reinterpret_cast<const uint8_t*>(utf8.data()), offset, length, c);
  return c >= 0 && offset == length && u_isalpha(c);
}

}  // namespace coolpapers
