#include "faq/page_marks.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <optional>
#include <set>
#include <utility>

namespace coolpapers::faq {
namespace {

constexpr char32_t kReplacement = 0xFFFD;

// Decodes the code point at `i` and moves `i` past it; a malformed byte reads as U+FFFD.
char32_t NextCodePoint(std::string_view text, size_t& i) {
  const auto lead = static_cast<unsigned char>(text[i]);
  if (lead < 0x80) {
    ++i;
    return lead;
  }
  const int length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
  if (length == 1 || i + length > text.size()) {
    ++i;
    return kReplacement;
  }
  char32_t code_point = lead & (0x7F >> length);
  for (int k = 1; k < length; ++k) {
    const auto next = static_cast<unsigned char>(text[i + k]);
    if ((next & 0xC0) != 0x80) {
      ++i;
      return kReplacement;
    }
    code_point = (code_point << 6) | (next & 0x3F);
  }
  i += length;
  return code_point;
}

bool IsCjk(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0xF900 && c <= 0xFAFF);
}

// Latin-1 letters folded to ASCII ("é" -> 'e'), so "Schrödinger" in a page matches
// "Schrodinger" in an answer; 0 for anything else.
char FoldLatin1(char32_t c) {
  // U+00D7 and U+00F7 are the signs for times and division, not letters.
  static constexpr char kFolded[] =
      "aaaaaaaceeeeiiiidnooooo\0ouuuuyts"
      "aaaaaaaceeeeiiiidnooooo\0ouuuuyty";
  static_assert(sizeof(kFolded) == 64 + 1, "one letter per code point U+00C0..U+00FF");
  if (c < 0xC0 || c > 0xFF) return 0;
  return kFolded[c - 0xC0];
}

// Words too common in answers and papers to show that a claim comes from a page.
bool IsStopWord(std::string_view word) {
  static const std::set<std::string_view> kStopWords = {
      "about",   "above",   "after",   "again",   "also",    "among",    "and",     "any",
      "are",     "author",  "authors", "based",   "been",    "before",   "being",   "between",
      "both",    "but",     "can",     "could",   "does",    "done",     "each",    "for",
      "from",    "further", "had",     "has",     "have",    "here",     "how",     "into",
      "its",     "itself",  "may",     "more",    "most",    "much",     "not",     "one",
      "only",    "other",   "our",     "over",    "paper",   "papers",   "propose", "proposed",
      "proposes", "same",   "several", "should",  "show",    "shown",    "shows",   "some",
      "such",    "than",    "that",    "the",     "their",   "them",     "then",    "there",
      "these",   "they",    "this",    "those",   "through", "two",      "under",   "use",
      "used",    "uses",    "using",   "very",    "was",     "well",     "were",    "what",
      "when",    "where",   "which",   "while",   "who",     "will",     "with",    "within",
      "without", "work",    "would",   "you",     "your",    "study",    "studies", "three",
      "first",   "second",  "new",     "all",     "out",     "way",      "via",     "per",
  };
  return kStopWords.contains(word);
}

// A crude stem so that "models"/"model" and "summarizer"/"summarization" meet.
std::string Stem(std::string word) {
  if (word.size() > 3 && word.back() == 's' && word[word.size() - 2] != 's') word.pop_back();
  if (word.size() > 7) word.resize(7);
  return word;
}

struct Tokens {
  std::set<std::string> words;    // folded Latin words and numbers
  std::set<std::string> bigrams;  // pairs of adjacent CJK characters, as UTF-8
  bool has_cjk = false;
};

// `claim` selects the distinctive tokens only; a page keeps every token so any claim can meet it.
Tokens Tokenize(std::string_view text, bool claim) {
  Tokens tokens;
  std::string word;
  int upper = 0;
  bool digits = false;
  auto flush = [&] {
    while (!word.empty() && word.back() == '.') word.pop_back();
    const bool letters_only = !digits;
    if (letters_only && word.size() >= 3) {
      if (!claim || !IsStopWord(word)) tokens.words.insert(Stem(word));
    } else if (letters_only && word.size() == 2) {
      // Two letters count in a claim only as an acronym ("QA", "LM").
      if (!claim || upper == 2) tokens.words.insert(word);
    } else if (!letters_only && word.size() >= 2) {
      tokens.words.insert(word);  // "12", "0.85", "f1", "gpt4"
    }
    word.clear();
    upper = 0;
    digits = false;
  };
  std::string previous_cjk;
  size_t i = 0;
  while (i < text.size()) {
    const size_t start = i;
    const char32_t c = NextCodePoint(text, i);
    if (c < 0x80 && std::isalnum(static_cast<int>(c))) {
      if (std::isupper(static_cast<int>(c))) ++upper;
      if (std::isdigit(static_cast<int>(c))) digits = true;
      word += static_cast<char>(std::tolower(static_cast<int>(c)));
    } else if (c == '.' && !word.empty() && std::isdigit(static_cast<unsigned char>(word.back())) &&
               i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) {
      word += '.';  // "0.85" stays one number
    } else if (const char folded = FoldLatin1(c); folded != 0) {
      word += folded;
    } else {
      flush();
    }
    if (IsCjk(c)) {
      tokens.has_cjk = true;
      const std::string current(text.substr(start, i - start));
      if (!previous_cjk.empty()) tokens.bigrams.insert(previous_cjk + current);
      previous_cjk = current;
    } else {
      previous_cjk.clear();
    }
  }
  flush();
  return tokens;
}

size_t SharedCount(const std::set<std::string>& claim, const std::set<std::string>& page) {
  return std::ranges::count_if(claim, [&](const std::string& token) {
    return page.contains(token);
  });
}

// At least half of a short claim's tokens; at least 2, and a quarter, of a longer one's. The
// quarter keeps a long claim from passing on two of the paper's ubiquitous terms.
bool EnoughShared(size_t shared, size_t total) {
  if (total == 0) return false;
  if (total < 4) return shared * 2 >= total;
  return shared >= std::max<size_t>(2, (total + 3) / 4);
}

bool Supports(const Tokens& claim, const Tokens& page) {
  const bool words = EnoughShared(SharedCount(claim.words, page.words), claim.words.size());
  if (!claim.has_cjk) return words;
  // A Chinese claim about an English paper shares only its numbers and Latin terms with the
  // page; a Chinese paper's page also shares CJK bigrams. Either is enough.
  return words || EnoughShared(SharedCount(claim.bigrams, page.bigrams), claim.bigrams.size());
}

struct Mark {
  std::vector<int> pages;  // as written, ascending, no duplicates
  size_t end = 0;          // one past the closing bracket
};

size_t SkipSpaces(std::string_view text, size_t i) {
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
  return i;
}

bool StartsWithNoCase(std::string_view text, size_t i, std::string_view prefix) {
  if (text.size() - std::min(i, text.size()) < prefix.size()) return false;
  for (size_t k = 0; k < prefix.size(); ++k) {
    if (std::tolower(static_cast<unsigned char>(text[i + k])) != prefix[k]) return false;
  }
  return true;
}

// "3", "3, 5", "3-4", "3–5 and 7", "3、5"; appends to `pages` and moves `i` past the list.
bool ParsePageList(std::string_view text, size_t& i, std::vector<int>& pages) {
  bool range = false;
  bool any = false;
  while (true) {
    i = SkipSpaces(text, i);
    size_t digits_end = i;
    while (digits_end < text.size() && std::isdigit(static_cast<unsigned char>(text[digits_end])) &&
           digits_end - i < 5) {
      ++digits_end;
    }
    if (digits_end == i) return false;
    const int page = std::stoi(std::string(text.substr(i, digits_end - i)));
    i = digits_end;
    if (range && !pages.empty() && page > pages.back() && page - pages.back() <= 20) {
      for (int p = pages.back() + 1; p <= page; ++p) pages.push_back(p);
    } else {
      pages.push_back(page);
    }
    any = true;
    const size_t before = i;
    i = SkipSpaces(text, i);
    range = false;
    bool separator = true;
    if (i < text.size() && (text[i] == ',' || text[i] == ';' || text[i] == '&')) {
      ++i;
    } else if (i < text.size() && (text[i] == '-' || text[i] == '~')) {
      ++i;
      range = true;
    } else if (text.substr(i).starts_with("\u2013") || text.substr(i).starts_with("\u2014")) {
      i += 3;
      range = true;
    } else if (text.substr(i).starts_with("\uFF0C") || text.substr(i).starts_with("\u3001")) {
      i += 3;  // "，" and "、"
    } else if (StartsWithNoCase(text, i, "and ") || StartsWithNoCase(text, i, "to ")) {
      range = text[i] == 't' || text[i] == 'T';
      i += range ? 3 : 4;
    } else {
      separator = false;
    }
    if (!separator) {
      i = before;
      return any;
    }
    // "pp. 3, p. 5": a repeated page word after a separator.
    i = SkipSpaces(text, i);
    for (std::string_view word : {"pages", "page", "pp.", "p."}) {
      if (StartsWithNoCase(text, i, word)) {
        i += word.size();
        break;
      }
    }
  }
}

// A page mark starting at `i`: "[page 3]", "[Page 3]", "[p. 3]", "[pp. 3, 5]", "[pages 3-4]",
// "(page 3)", "[第3页]", "【第3页】", "（第3、5页）".
std::optional<Mark> ParseMark(std::string_view text, size_t i) {
  static constexpr std::pair<std::string_view, std::string_view> kBrackets[] = {
      {"[", "]"}, {"(", ")"}, {"\u3010", "\u3011"}, {"\uFF08", "\uFF09"}};
  for (const auto& [open, close] : kBrackets) {
    if (!text.substr(i).starts_with(open)) continue;
    size_t at = SkipSpaces(text, i + open.size());
    Mark mark;
    if (text.substr(at).starts_with("\u7B2C")) {  // 第 ... 页
      at += 3;
      if (!ParsePageList(text, at, mark.pages)) return std::nullopt;
      at = SkipSpaces(text, at);
      if (!text.substr(at).starts_with("\u9875")) return std::nullopt;
      at += 3;
    } else {
      bool word = false;
      for (std::string_view keyword : {"pages", "page", "pp.", "pp", "pg.", "pg", "p.", "p"}) {
        if (StartsWithNoCase(text, at, keyword)) {
          at += keyword.size();
          word = true;
          break;
        }
      }
      if (!word) return std::nullopt;
      if (!ParsePageList(text, at, mark.pages)) return std::nullopt;
    }
    at = SkipSpaces(text, at);
    if (!text.substr(at).starts_with(close)) return std::nullopt;
    mark.end = at + close.size();
    std::ranges::sort(mark.pages);
    mark.pages.erase(std::unique(mark.pages.begin(), mark.pages.end()), mark.pages.end());
    return mark;
  }
  return std::nullopt;
}

// Byte ranges of code spans and fenced code blocks, where marks are left as written.
std::vector<std::pair<size_t, size_t>> CodeRanges(std::string_view text) {
  std::vector<std::pair<size_t, size_t>> ranges;
  size_t line = 0;
  size_t fence_start = std::string_view::npos;  // npos: not inside a fenced block
  std::string fence;
  size_t prose_start = 0;
  auto inline_spans = [&](size_t begin, size_t end) {
    size_t i = begin;
    while (i < end) {
      if (text[i] != '`') {
        ++i;
        continue;
      }
      size_t run = i;
      while (run < end && text[run] == '`') ++run;
      const std::string_view ticks = text.substr(i, run - i);
      size_t close = run;
      while (true) {
        close = text.find(ticks, close);
        if (close == std::string_view::npos || close >= end) break;
        size_t close_end = close + ticks.size();
        if (close_end < end && text[close_end] == '`') {
          while (close_end < end && text[close_end] == '`') ++close_end;
          close = close_end;
          continue;
        }
        break;
      }
      if (close == std::string_view::npos || close >= end) {
        i = run;
        continue;
      }
      ranges.emplace_back(i, close + ticks.size());
      i = close + ticks.size();
    }
  };
  while (line < text.size()) {
    size_t line_end = text.find('\n', line);
    if (line_end == std::string_view::npos) line_end = text.size();
    const size_t indent = SkipSpaces(text, line);
    const std::string_view rest = text.substr(indent, line_end - indent);
    const bool is_fence = indent - line <= 3 && (rest.starts_with("```") || rest.starts_with("~~~"));
    if (fence_start != std::string_view::npos) {
      if (is_fence && rest.starts_with(fence)) {
        ranges.emplace_back(fence_start, line_end);
        fence_start = std::string_view::npos;
        prose_start = line_end;
      }
    } else if (is_fence) {
      inline_spans(prose_start, line);
      fence_start = line;
      fence = std::string(rest.substr(0, 3));
    }
    line = line_end + 1;
  }
  if (fence_start != std::string_view::npos) {
    ranges.emplace_back(fence_start, text.size());
  } else {
    inline_spans(prose_start, text.size());
  }
  std::ranges::sort(ranges);
  return ranges;
}

// "e.g. x" and "Smith et al. show" do not end a sentence.
bool IsAbbreviationBefore(std::string_view text, size_t period) {
  size_t start = period;
  while (start > 0 && text[start - 1] != ' ' && text[start - 1] != '\n' && text[start - 1] != '(') {
    --start;
  }
  std::string word;
  for (char c : text.substr(start, period - start)) {
    word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  static const std::set<std::string_view> kAbbreviations = {
      "e.g", "i.e", "al", "vs", "cf", "fig", "figs", "eq", "eqs", "sec", "no", "approx", "resp"};
  return word.size() == 1 || kAbbreviations.contains(word);
}

bool IsTerminatorBefore(std::string_view text, size_t i) {
  // ASCII ". ", "? ", "! " end a sentence; so do the ideographic "。", "！", "？", "；".
  if (i >= 2 && (text[i - 2] == '.' || text[i - 2] == '?' || text[i - 2] == '!') &&
      (text[i - 1] == ' ' || text[i - 1] == '\t')) {
    return text[i - 2] != '.' || !IsAbbreviationBefore(text, i - 2);
  }
  if (i >= 3) {
    const std::string_view last = text.substr(i - 3, 3);
    return last == "\u3002" || last == "\uFF01" || last == "\uFF1F" || last == "\uFF1B";
  }
  return false;
}

// The claim a mark at `mark_start` ends: back to the previous mark, the line start or the start
// of the sentence, whichever is nearest. A mark right after a sentence's full stop ends that
// sentence.
std::string_view ClaimBefore(std::string_view text, size_t floor, size_t mark_start) {
  const size_t line_start = text.rfind('\n', mark_start == 0 ? 0 : mark_start - 1);
  if (line_start != std::string_view::npos && line_start + 1 > floor && line_start < mark_start) {
    floor = line_start + 1;
  }
  size_t end = mark_start;
  // Skip the white space and the terminator that close the claim itself.
  while (end > floor && (text[end - 1] == ' ' || text[end - 1] == '\t')) --end;
  if (end > floor && (text[end - 1] == '.' || text[end - 1] == '?' || text[end - 1] == '!')) {
    --end;
  } else if (end >= floor + 3 && IsTerminatorBefore(text, end)) {
    end -= 3;
  }
  size_t start = end;
  while (start > floor && !IsTerminatorBefore(text, start)) --start;
  return text.substr(start, end - start);
}

class PageIndex {
 public:
  explicit PageIndex(const pdf::PaperText& paper) : paper_(paper), tokens_(paper.pages.size()) {}

  bool Exists(int page) const {
    return page >= 1 && static_cast<size_t>(page) <= paper_.pages.size();
  }

  const Tokens& For(int page) {
    std::optional<Tokens>& tokens = tokens_[page - 1];
    if (!tokens) tokens = Tokenize(paper_.pages[page - 1].text, /*claim=*/false);
    return *tokens;
  }

  int PageCount() const { return static_cast<int>(paper_.pages.size()); }

  // How strongly `page` bears out the claim: its shared tokens weighted by rarity across the
  // paper (inverse page frequency), so the paper's name, found on every page, counts for little.
  double Evidence(const Tokens& claim, int page) {
    double evidence = 0;
    auto add = [&](const std::set<std::string>& claim_tokens, auto member) {
      for (const std::string& token : claim_tokens) {
        if (!(For(page).*member).contains(token)) continue;
        int pages_with_token = 0;
        for (int other = 1; other <= PageCount(); ++other) {
          if ((For(other).*member).contains(token)) ++pages_with_token;
        }
        evidence += std::log((PageCount() + 1.0) / (pages_with_token + 0.5));
      }
    };
    add(claim.words, &Tokens::words);
    add(claim.bigrams, &Tokens::bigrams);
    return evidence;
  }

 private:
  const pdf::PaperText& paper_;
  std::vector<std::optional<Tokens>> tokens_;
};

// The cited pages the claim is found on: each page on its own, or, for a claim spread over
// several cited pages, those among them that share a token with it when together they pass.
std::vector<int> VerifiedPages(const Tokens& claim, const std::vector<int>& cited,
                               PageIndex& index) {
  std::vector<int> existing;
  for (int page : cited) {
    if (index.Exists(page)) existing.push_back(page);
  }
  // A page passes on its own when it shares enough of the claim and no other page bears the
  // claim out much better (a claim from page 7 that shares the paper's name and one common word
  // with page 2 is not kept as "[page 2]").
  constexpr double kEvidenceRatio = 0.6;
  double best_evidence = 0;
  for (int page = 1; page <= index.PageCount(); ++page) {
    best_evidence = std::max(best_evidence, index.Evidence(claim, page));
  }
  std::vector<int> kept;
  for (int page : existing) {
    if (Supports(claim, index.For(page)) &&
        index.Evidence(claim, page) >= kEvidenceRatio * best_evidence) {
      kept.push_back(page);
    }
  }
  if (!kept.empty() || existing.size() < 2) return kept;
  Tokens together;
  for (int page : existing) {
    const Tokens& tokens = index.For(page);
    together.words.insert(tokens.words.begin(), tokens.words.end());
    together.bigrams.insert(tokens.bigrams.begin(), tokens.bigrams.end());
  }
  if (!Supports(claim, together)) return {};
  for (int page : existing) {
    const Tokens& tokens = index.For(page);
    if (SharedCount(claim.words, tokens.words) + SharedCount(claim.bigrams, tokens.bigrams) > 0) {
      kept.push_back(page);
    }
  }
  return kept;
}

std::string RenderMark(const std::vector<int>& pages) {
  std::string mark = pages.size() == 1 ? "[page " : "[pages ";
  for (size_t k = 0; k < pages.size(); ++k) {
    if (k > 0) mark += ", ";
    mark += std::to_string(pages[k]);
  }
  return mark + "]";
}

}  // namespace

CheckedAnswer VerifyPageMarks(std::string_view answer, const pdf::PaperText& paper) {
  CheckedAnswer checked;
  PageIndex index(paper);
  const std::vector<std::pair<size_t, size_t>> code = CodeRanges(answer);
  size_t next_code = 0;
  std::set<int> cited_pages;
  size_t previous_mark_end = 0;
  std::string_view previous_claim;
  size_t i = 0;
  while (i < answer.size()) {
    while (next_code < code.size() && code[next_code].second <= i) ++next_code;
    if (next_code < code.size() && code[next_code].first <= i) {
      const size_t end = code[next_code].second;
      checked.text.append(answer.substr(i, end - i));
      i = end;
      continue;
    }
    const std::optional<Mark> mark = ParseMark(answer, i);
    if (!mark) {
      checked.text += answer[i++];
      continue;
    }
    std::string_view claim = ClaimBefore(answer, previous_mark_end, i);
    // "... claim [page 3][page 5]": the second mark cites the same claim.
    if (claim.find_first_not_of(" \t") == std::string_view::npos) claim = previous_claim;
    const std::vector<int> kept = VerifiedPages(Tokenize(claim, /*claim=*/true), mark->pages,
                                                index);
    if (kept.empty()) {
      ++checked.marks_dropped;
      while (!checked.text.empty() && (checked.text.back() == ' ' || checked.text.back() == '\t')) {
        checked.text.pop_back();
      }
    } else {
      ++checked.marks_kept;
      checked.text += RenderMark(kept);
      cited_pages.insert(kept.begin(), kept.end());
    }
    previous_claim = claim;
    previous_mark_end = mark->end;
    i = mark->end;
  }
  checked.pages.assign(cited_pages.begin(), cited_pages.end());
  return checked;
}

}  // namespace coolpapers::faq
