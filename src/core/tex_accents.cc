#include "core/tex_accents.h"

#include <algorithm>
#include <array>
#include <optional>

#include "core/utf8.h"
#include "core/unicode_nfc.h"

namespace coolpapers {
namespace {

// One TeX accent: its command and the Unicode combining mark it puts on its argument. The
// decoder writes letter + mark and composes the result to NFC at the end, so \'e becomes the
// precomposed "é" and a mark on a letter that is already accented (\~ê, Vietnamese) becomes
// "ễ"; a letter with no precomposed form keeps the combining mark (\"q -> q + U+0308).
struct Accent {
  std::string_view command;
  char32_t combining_mark;
};

constexpr std::array<Accent, 15> kAccents = {{
    {"`", 0x0300}, {"'", 0x0301}, {"^", 0x0302}, {"~", 0x0303}, {"=", 0x0304},
    {"u", 0x0306}, {".", 0x0307}, {"\"", 0x0308}, {"r", 0x030A}, {"H", 0x030B},
    {"v", 0x030C}, {"d", 0x0323}, {"c", 0x0327}, {"k", 0x0328}, {"b", 0x0331},
}};

// Letters TeX spells as control words (arXiv's tex2utf "textlet" set).
struct SpecialLetter {
  std::string_view command;
  std::string_view utf8;
};

constexpr std::array<SpecialLetter, 23> kSpecialLetters = {{
    {"AA", "Å"}, {"aa", "å"}, {"AE", "Æ"},  {"ae", "æ"},  {"DH", "Ð"}, {"dh", "ð"},
    {"DJ", "Đ"}, {"dj", "đ"}, {"ETH", "Ð"}, {"eth", "ð"}, {"i", "ı"},  {"j", "ȷ"},
    {"L", "Ł"},  {"l", "ł"},  {"NG", "Ŋ"},  {"ng", "ŋ"},  {"O", "Ø"},  {"o", "ø"},
    {"OE", "Œ"}, {"oe", "œ"}, {"ss", "ß"},  {"TH", "Þ"},  {"th", "þ"},
}};

bool IsLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

const Accent* FindAccent(std::string_view command) {
  const auto it = std::ranges::find(kAccents, command, &Accent::command);
  return it != kAccents.end() ? &*it : nullptr;
}

const SpecialLetter* FindSpecialLetter(std::string_view command) {
  const auto it = std::ranges::find(kSpecialLetters, command, &SpecialLetter::command);
  return it != kSpecialLetters.end() ? &*it : nullptr;
}

// A piece of decoded text and the offset just past the TeX it replaces.
struct Decoded {
  std::string utf8;
  size_t end = 0;
};

class Decoder {
 public:
  explicit Decoder(std::string_view text) : text_(text) {}

  std::string Run() {
    std::string out;
    out.reserve(text_.size());
    size_t pos = 0;
    while (pos < text_.size()) {
      if (const size_t math_end = MathEnd(pos); math_end != pos) {
        out.append(text_.substr(pos, math_end - pos));
        pos = math_end;
        continue;
      }
      std::optional<Decoded> decoded;
      if (text_[pos] == '{') decoded = BracedLetter(pos);
      if (text_[pos] == '\\') decoded = Letter(pos);
      if (decoded) {
        out += decoded->utf8;
        pos = decoded->end;
      } else if (text_[pos] == '\\') {
        pos = CopyCommand(pos, out);
      } else {
        out += text_[pos++];
      }
    }
    return out;
  }

 private:
  bool At(size_t pos, std::string_view s) const { return text_.substr(pos).starts_with(s); }

  // When `pos` opens math ($...$, $$...$$, \(...\), \[...\]) that is closed later, returns the
  // offset past its closing delimiter; otherwise `pos`. An unclosed "$" is a dollar sign.
  size_t MathEnd(size_t pos) const {
    for (auto [open, close] : {std::pair{"$$", "$$"}, std::pair{"$", "$"}, std::pair{"\\(", "\\)"},
                               std::pair{"\\[", "\\]"}}) {
      if (!At(pos, open)) continue;
      const std::string_view closing = close;
      for (size_t i = pos + std::string_view(open).size(); i < text_.size(); ++i) {
        if (At(i, closing)) return i + closing.size();
        if (text_[i] == '\\') ++i;  // "\$" inside math does not close it
      }
      return pos;
    }
    return pos;
  }

  // The command name after the backslash at `pos`: a run of letters, or one other character.
  std::string_view CommandAt(size_t pos) const {
    size_t end = pos + 1;
    if (end < text_.size() && IsLetter(text_[end])) {
      while (end < text_.size() && IsLetter(text_[end])) ++end;
    } else if (end < text_.size()) {
      ++end;
    }
    return text_.substr(pos + 1, end - pos - 1);
  }

  size_t SkipSpaces(size_t pos) const {
    while (pos < text_.size() && text_[pos] == ' ') ++pos;
    return pos;
  }

  // Decodes "\X..." at `pos`: an accent with its argument or a special letter.
  std::optional<Decoded> Letter(size_t pos) const {
    const std::string_view command = CommandAt(pos);
    const size_t after = pos + 1 + command.size();
    if (const SpecialLetter* letter = FindSpecialLetter(command)) {
      // TeX swallows the spaces after a control word, and "{}" is the usual way to stop it.
      const size_t end = At(after, "{}") ? after + 2 : SkipSpaces(after);
      return Decoded{std::string(letter->utf8), end};
    }
    const Accent* accent = FindAccent(command);
    if (accent == nullptr) return std::nullopt;
    // After a letter accent ("\c c") TeX skips spaces to find the argument; a symbol accent
    // ("\'e") takes the very next character.
    const size_t arg = IsLetter(command.front()) ? SkipSpaces(after) : after;
    std::optional<std::pair<std::string_view, size_t>> base = Argument(arg);
    if (!base) return std::nullopt;
    std::string letter(base->first);
    AppendUtf8(accent->combining_mark, letter);
    return Decoded{std::move(letter), base->second};
  }

  // The length of the UTF-8 letter at `pos` that can carry an accent: an ASCII letter, or one
  // non-ASCII character ("ê" in "Nguy\~ên"); 0 for anything else.
  size_t BaseLetterLength(size_t pos) const {
    if (pos >= text_.size()) return 0;
    const auto lead = static_cast<unsigned char>(text_[pos]);
    if (lead < 0x80) return IsLetter(text_[pos]) ? 1 : 0;
    size_t end = pos + 1;
    while (end < text_.size() && (static_cast<unsigned char>(text_[end]) & 0xC0) == 0x80) ++end;
    return IsSingleLetter(text_.substr(pos, end - pos)) ? end - pos : 0;
  }

  // An accent's argument at `pos`: "e", "ê", "{e}", "\i", "{\i}", with spaces allowed inside
  // braces. Dotless i and j take the accent as plain i and j do. Returns the base letter (UTF-8)
  // and the end.
  std::optional<std::pair<std::string_view, size_t>> Argument(size_t pos) const {
    if (const size_t length = BaseLetterLength(pos); length > 0) {
      return std::pair{text_.substr(pos, length), pos + length};
    }
    if (At(pos, "\\i") || At(pos, "\\j")) {
      if (pos + 2 < text_.size() && IsLetter(text_[pos + 2])) return std::nullopt;
      return std::pair{text_.substr(pos + 1, 1), pos + 2};
    }
    if (!At(pos, "{")) return std::nullopt;
    const size_t inner = SkipSpaces(pos + 1);
    if (At(inner, "{")) return std::nullopt;
    std::optional<std::pair<std::string_view, size_t>> base = Argument(inner);
    if (!base) return std::nullopt;
    const size_t close = SkipSpaces(base->second);
    if (!At(close, "}")) return std::nullopt;
    return std::pair{base->first, close + 1};
  }

  // "{\"o}", "{\c c}", "{\o}": the braces only group the accent, so they go with it.
  std::optional<Decoded> BracedLetter(size_t pos) const {
    if (!At(pos + 1, "\\")) return std::nullopt;
    std::optional<Decoded> inner = Letter(pos + 1);
    if (!inner || !At(inner->end, "}")) return std::nullopt;
    inner->end += 1;
    return inner;
  }

  // Copies an unknown command untouched. A brace right after a control word opens that
  // command's argument ("\emph{\"o}"), so it is copied too rather than read as a group.
  size_t CopyCommand(size_t pos, std::string& out) const {
    const std::string_view command = CommandAt(pos);
    size_t end = pos + 1 + command.size();
    if (!command.empty() && IsLetter(command.front()) && At(end, "{")) ++end;
    out.append(text_.substr(pos, end - pos));
    return end;
  }

  std::string_view text_;
};

}  // namespace

std::string DecodeTexAccents(std::string_view text) {
  if (text.find('\\') == std::string_view::npos) return std::string(text);
  return ComposeNfc(Decoder(text).Run());
}

}  // namespace coolpapers
