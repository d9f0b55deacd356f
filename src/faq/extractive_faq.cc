#include "faq/extractive_faq.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <set>
#include <utility>

#include "pdf/folded_text.h"
#include "faq/page_marks.h"
#include "pdf/section_headings.h"
#include "core/whitespace.h"

namespace coolpapers::faq {
namespace {

enum class Topic { kNone, kProblem, kRelatedWork, kMethod, kExperiments, kFurtherWork, kSummary };

Topic TopicForQuestion(std::string_view id) {
  if (id == "problem") return Topic::kProblem;
  if (id == "related_work") return Topic::kRelatedWork;
  if (id == "method") return Topic::kMethod;
  if (id == "experiments") return Topic::kExperiments;
  if (id == "further_work") return Topic::kFurtherWork;
  if (id == "summary") return Topic::kSummary;
  return Topic::kNone;
}

bool Contains(std::string_view text, std::initializer_list<std::string_view> needles) {
  return std::ranges::any_of(needles, [&](std::string_view n) {
    return text.find(n) != std::string_view::npos;
  });
}

// Which question a section title answers; `title` is folded and without its number.
Topic TopicForTitle(std::string_view title, std::string_view line) {
  if (title == "abstract") return Topic::kSummary;
  if (title.starts_with("introduction") || title.starts_with("motivation") ||
      title == "background and motivation") {
    return Topic::kProblem;
  }
  if (pdf::ClassifyHeading(line) == pdf::SectionKind::kConclusion ||
      Contains(title, {"conclusion", "future work", "future direction", "limitation", "outlook",
                       "open problem", "open question"})) {
    return Topic::kFurtherWork;
  }
  if (title.starts_with("study ") ||
      Contains(title, {"experiment", "evaluation", "results", "empirical", "user study",
                       "case study", "deployment"})) {
    return Topic::kExperiments;
  }
  if (Contains(title, {"discussion"})) return Topic::kFurtherWork;
  if (Contains(title, {"related work", "related research", "related literature", "prior work",
                       "previous work", "literature review", "background"})) {
    return Topic::kRelatedWork;
  }
  if (title.starts_with("our ") ||
      Contains(title, {"method", "approach", "model", "framework", "architecture", "algorithm",
                       "proposed", "system design"})) {
    return Topic::kMethod;
  }
  return Topic::kNone;
}

struct Line {
  int page = 0;
  std::string_view text;
};

struct Heading {
  size_t line = 0;
  int level = 1;           // 1 for "3 Method" and unnumbered titles, 2 for "3.1 Encoder", ...
  int number = 0;          // the first number of a numbered heading, else 0
  Topic topic = Topic::kNone;
  // Where the section's text starts on the heading's own line ("Abstract—We ..."); npos when
  // the heading fills its line.
  size_t content_offset = std::string_view::npos;
};

// "3", "3.", "3.1", "IV." -> its level and first number; nullopt for anything else.
std::optional<std::pair<int, int>> SectionNumber(std::string_view token) {
  static constexpr std::array<std::string_view, 12> kRoman = {
      "I.", "II.", "III.", "IV.", "V.", "VI.", "VII.", "VIII.", "IX.", "X.", "XI.", "XII."};
  for (size_t k = 0; k < kRoman.size(); ++k) {
    if (token == kRoman[k]) return std::pair{1, static_cast<int>(k + 1)};
  }
  if (token.empty() || !std::isdigit(static_cast<unsigned char>(token[0]))) return std::nullopt;
  int level = 1;
  int first = 0;
  bool in_first = true;
  size_t digits = 0;
  for (size_t k = 0; k < token.size(); ++k) {
    const char c = token[k];
    if (std::isdigit(static_cast<unsigned char>(c))) {
      if (++digits > 2) return std::nullopt;
      if (in_first) first = first * 10 + (c - '0');
    } else if (c == '.' && digits > 0) {
      digits = 0;
      in_first = false;
      if (k + 1 < token.size()) ++level;
    } else {
      return std::nullopt;
    }
  }
  return std::pair{level, first};
}

// A heading line of the body, or nullopt. Numbered headings ("4 Experiments", "3.2 Training")
// are taken whatever their title; unnumbered ones only when the title is one we know, so a
// short sentence on its own line is not mistaken for one.
std::optional<Heading> ParseHeading(std::string_view raw) {
  const std::string_view line = TrimWhitespace(raw);
  if (line.size() < 5 || line.size() > 70) return std::nullopt;
  // "Abstract—We study ...", "Abstract. We study ...": the abstract starts on the same line.
  for (std::string_view prefix : {"Abstract", "ABSTRACT"}) {
    if (!line.starts_with(prefix)) continue;
    std::string_view rest = line.substr(prefix.size());
    for (std::string_view separator : {"\u2014", "\u2013", ".", ":", "-", " "}) {
      if (rest.starts_with(separator)) {
        rest = TrimWhitespace(rest.substr(separator.size()));
        if (rest.empty() || std::isupper(static_cast<unsigned char>(rest[0]))) {
          return Heading{.topic = Topic::kSummary,
                         .content_offset = rest.empty() ? std::string_view::npos
                                                        : static_cast<size_t>(rest.data() -
                                                                              raw.data())};
        }
      }
    }
  }
  const char last = line.back();
  if (last == ',' || last == ';' || last == '=' || line.find('=') != std::string_view::npos) {
    return std::nullopt;
  }
  const size_t space = line.find(' ');
  std::optional<std::pair<int, int>> number;
  std::string_view title = line;
  if (space != std::string_view::npos) {
    number = SectionNumber(line.substr(0, space));
    if (number) title = TrimWhitespace(line.substr(space + 1));
  }
  if (title.empty() || !std::isupper(static_cast<unsigned char>(title[0]))) return std::nullopt;
  // A table row ("1 BERT 85.3") has a number among its words; a title ("5 Pretraining on
  // S2ORC") has at most digits inside a word.
  for (size_t at = 0; at < title.size();) {
    size_t end = title.find(' ', at);
    if (end == std::string_view::npos) end = title.size();
    const std::string_view word = title.substr(at, end - at);
    if (word.find_first_not_of("0123456789.,%()") == std::string_view::npos) return std::nullopt;
    at = end + 1;
  }
  if (Contains(title, {"\"", "\u201C", "\u201D"})) return std::nullopt;  // a quoted phrase
  const size_t words = std::ranges::count(title, ' ') + 1;
  std::string folded = pdf::FoldCaseAndSpaces(title);
  while (!folded.empty() && (folded.back() == '.' || folded.back() == ':')) folded.pop_back();
  const Topic topic = TopicForTitle(folded, line);
  if (number) {
    if (words > 10 || last == '.') return std::nullopt;
    return Heading{.level = number->first, .number = number->second, .topic = topic};
  }
  // Unnumbered: only titles papers use on their own line, not words that also head table
  // columns ("Method", "Results", "Model").
  static const std::set<std::string_view> kUnnumbered = {
      "abstract", "introduction", "motivation", "background", "related work", "related works",
      "prior work", "previous work", "literature review", "background and related work",
      "methodology", "materials and methods", "our approach", "proposed method", "experiments",
      "experimental setup", "experimental results", "limitations", "future work", "discussion",
      "conclusion", "conclusions", "conclusion and future work", "conclusions and future work",
      "concluding remarks", "acknowledgments", "acknowledgements", "acknowledgment",
      "acknowledgement", "keywords", "ccs concepts", "ethics statement", "ethical considerations",
      "broader impact", "author contributions", "funding", "data availability"};
  if (!kUnnumbered.contains(folded)) return std::nullopt;
  return Heading{.topic = topic};
}

// The body's lines: everything before the references (or, without a references heading,
// before the first appendix heading).
std::vector<Line> BodyLines(const pdf::PaperText& paper) {
  std::vector<Line> lines;
  for (const pdf::PageText& page : paper.pages) {
    const std::string_view text = page.text;
    size_t start = 0;
    while (start <= text.size()) {
      if (paper.references && pdf::TextPosition{page.number, start} >= *paper.references) return lines;
      size_t end = text.find('\n', start);
      if (end == std::string_view::npos) end = text.size();
      const std::string_view line = text.substr(start, end - start);
      const pdf::SectionKind kind = pdf::ClassifyHeading(line);
      if (kind == pdf::SectionKind::kReferences || kind == pdf::SectionKind::kAppendix) return lines;
      lines.push_back({page.number, line});
      start = end + 1;
    }
  }
  return lines;
}

// A heading line's second line carries this level, so it never ends a section.
constexpr int kContinuationLevel = 99;

bool IsAllCaps(std::string_view text) {
  bool letters = false;
  for (char c : text) {
    if (std::islower(static_cast<unsigned char>(c))) return false;
    letters = letters || std::isupper(static_cast<unsigned char>(c));
  }
  return letters;
}

// Headings in order; a top-level number must follow the previous one (by one or two, to
// survive one missed heading) so that numbered list items and table rows are not taken.
std::vector<Heading> FindHeadings(const std::vector<Line>& lines) {
  std::vector<Heading> headings;
  int last_top = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    std::optional<Heading> heading = ParseHeading(lines[i].text);
    if (!heading) continue;
    if (heading->number > 0 && heading->level == 1) {
      const bool in_sequence = last_top == 0 ? heading->number <= 2
                                             : heading->number > last_top &&
                                                   heading->number <= last_top + 3;
      if (!in_sequence && heading->topic == Topic::kNone) continue;
      last_top = heading->number;
    }
    heading->line = i;
    headings.push_back(*heading);
    // "2 CHARACTERIZING EXPOSITORY" / "WRITING": a capitalised heading wrapped onto a second
    // line, which is part of the heading, not of the text.
    const std::string_view title = TrimWhitespace(lines[i].text);
    if (i + 1 < lines.size() && IsAllCaps(title)) {
      const std::string_view rest = TrimWhitespace(lines[i + 1].text);
      if (rest.size() <= 40 && IsAllCaps(rest) && rest.find('.') == std::string_view::npos) {
        if (headings.back().topic == Topic::kNone) {
          const std::string joined = std::string(title) + " " + std::string(rest);
          headings.back().topic = TopicForTitle(pdf::FoldCaseAndSpaces(joined), joined);
        }
        headings.push_back({.line = i + 1, .level = kContinuationLevel});
        ++i;
      }
    }
  }
  // No section is called a method: the paper names it after its own idea ("3 SparseFormer"), so
  // the numbered sections between the introduction and the experiments describe the method.
  if (std::ranges::none_of(headings, [](const Heading& h) { return h.topic == Topic::kMethod; })) {
    bool after_problem = std::ranges::none_of(
        headings, [](const Heading& h) { return h.topic == Topic::kProblem; });
    for (Heading& heading : headings) {
      if (heading.topic == Topic::kProblem) after_problem = true;
      if (heading.topic == Topic::kExperiments || heading.topic == Topic::kFurtherWork) break;
      if (after_problem && heading.topic == Topic::kNone && heading.level == 1 &&
          heading.number > 0) {
        heading.topic = Topic::kMethod;
      }
    }
  }
  return headings;
}

// A section's text as one string, lines joined by spaces, with the page of each stretch.
struct SectionText {
  std::string text;
  std::vector<std::pair<size_t, int>> page_starts;  // (offset into text, page)

  int PageOf(size_t begin, size_t end) const {
    // The page holding most of [begin, end).
    int best_page = 0;
    size_t best = 0;
    for (size_t k = 0; k < page_starts.size(); ++k) {
      const size_t from = std::max(begin, page_starts[k].first);
      const size_t to = std::min(end, k + 1 < page_starts.size() ? page_starts[k + 1].first
                                                                 : text.size());
      if (to > from && to - from > best) {
        best = to - from;
        best_page = page_starts[k].second;
      }
    }
    return best_page;
  }

  void Append(int page, std::string_view line) {
    line = TrimWhitespace(line);
    if (line.empty()) return;
    if (!text.empty()) text += ' ';
    if (page_starts.empty() || page_starts.back().second != page) {
      page_starts.emplace_back(text.size(), page);
    }
    text += line;
  }
};

// The sections that answer `topic`, each as one text. A section runs from its heading to the
// next heading of the same or a higher level (the abstract: to the next heading of any level).
std::vector<SectionText> SectionsFor(Topic topic, const std::vector<Line>& lines,
                                     const std::vector<Heading>& headings) {
  constexpr size_t kMaxSectionLines = 400;
  std::set<size_t> heading_lines;
  for (const Heading& heading : headings) heading_lines.insert(heading.line);
  std::vector<SectionText> sections;
  for (size_t h = 0; h < headings.size(); ++h) {
    if (headings[h].topic != topic) continue;
    size_t end = lines.size();
    for (size_t next = h + 1; next < headings.size(); ++next) {
      if (topic == Topic::kSummary || headings[next].level <= headings[h].level) {
        end = headings[next].line;
        break;
      }
    }
    end = std::min(end, headings[h].line + kMaxSectionLines);
    SectionText section;
    const Line& first = lines[headings[h].line];
    if (headings[h].content_offset < first.text.size()) {
      section.Append(first.page, first.text.substr(headings[h].content_offset));
    }
    for (size_t i = headings[h].line + 1; i < end; ++i) {
      if (!heading_lines.contains(i)) section.Append(lines[i].page, lines[i].text);
    }
    if (!section.text.empty()) sections.push_back(std::move(section));
  }
  return sections;
}

// "e.g.", "et al.", "Fig." and initials do not end a sentence.
bool EndsWithAbbreviation(std::string_view text) {
  const size_t space = text.find_last_of(" (");
  const std::string word = pdf::FoldCaseAndSpaces(text.substr(space == std::string_view::npos ? 0
                                                                                          : space + 1));
  static const std::set<std::string_view> kAbbreviations = {
      "e.g", "i.e", "al", "vs", "cf", "fig", "figs", "eq", "eqs", "sec", "no", "approx",
      "resp", "etc", "ref", "refs", "tab", "dr", "mr", "ms", "prof", "st"};
  return word.size() <= 1 || kAbbreviations.contains(word);
}

struct Sentence {
  std::string_view text;
  int page = 0;
  size_t order = 0;  // position in the paper, for output in reading order
};

std::vector<Sentence> SplitSentences(const SectionText& section, size_t order_base) {
  std::vector<Sentence> sentences;
  const std::string_view text = section.text;
  size_t start = 0;
  for (size_t i = 0; i + 2 < text.size(); ++i) {
    const char c = text[i];
    if ((c != '.' && c != '?' && c != '!') || text[i + 1] != ' ') continue;
    const char next = text[i + 2];
    if (!std::isupper(static_cast<unsigned char>(next)) && next != '(' && next != '[') continue;
    if (c == '.' && EndsWithAbbreviation(text.substr(start, i - start))) continue;
    sentences.push_back({text.substr(start, i + 1 - start), section.PageOf(start, i + 1),
                         order_base + start});
    start = i + 2;
  }
  if (start < text.size()) {
    sentences.push_back({text.substr(start), section.PageOf(start, text.size()),
                         order_base + start});
  }
  return sentences;
}

// Words left once bracketed citations ("[3, 4]", "(Smith et al., 2020)") are taken out.
size_t WordsOutsideCitations(std::string_view text) {
  size_t words = 0;
  int depth = 0;
  bool in_word = false;
  for (char c : text) {
    if (c == '[' || c == '(') ++depth;
    if ((c == ']' || c == ')') && depth > 0) --depth;
    const bool word_char = depth == 0 && std::isalpha(static_cast<unsigned char>(c));
    if (word_char && !in_word) ++words;
    in_word = word_char;
  }
  return words;
}

// "Figure 2: ...", "Table 6. ...": a caption, even when the text flows around it.
bool HasCaption(std::string_view sentence) {
  for (std::string_view label : {"Figure ", "Fig. ", "Table ", "Tab. ", "Algorithm "}) {
    for (size_t at = sentence.find(label); at != std::string_view::npos;
         at = sentence.find(label, at + 1)) {
      size_t end = at + label.size();
      while (end < sentence.size() && std::isdigit(static_cast<unsigned char>(sentence[end]))) ++end;
      if (end > at + label.size() && end < sentence.size() &&
          (sentence[end] == ':' || (sentence[end] == '.' && at == 0))) {
        return true;
      }
    }
  }
  return false;
}

// Words that are numbers only: a table row flowed into the text has several.
size_t NumberWords(std::string_view sentence) {
  size_t numbers = 0;
  for (size_t at = 0; at < sentence.size();) {
    size_t end = sentence.find(' ', at);
    if (end == std::string_view::npos) end = sentence.size();
    const std::string_view word = sentence.substr(at, end - at);
    if (!word.empty() && word.find_first_not_of("0123456789.,%") == std::string_view::npos) {
      ++numbers;
    }
    at = end + 1;
  }
  return numbers;
}

// Whether a sentence can stand alone as a quotation: a whole prose sentence of sensible length,
// not a caption, a table row, an equation, a URL or a string of citations.
bool IsQuotable(std::string_view sentence) {
  if (sentence.size() < 50 || sentence.size() > 380) return false;
  if (!std::isupper(static_cast<unsigned char>(sentence[0]))) return false;
  if (sentence.back() != '.') return false;
  if (HasCaption(sentence) || NumberWords(sentence) >= 4) return false;
  if (Contains(sentence, {"http", "www.", "@", "arXiv:", "doi:", "\u2022"})) return false;
  size_t letters = 0;
  size_t visible = 0;
  for (char c : sentence) {
    if (std::isspace(static_cast<unsigned char>(c))) continue;
    ++visible;
    if (std::isalpha(static_cast<unsigned char>(c))) ++letters;
  }
  if (letters * 10 < visible * 7) return false;
  const size_t words = WordsOutsideCitations(sentence);
  return words >= 8 && words <= 60;
}

struct Cue {
  std::string_view phrase;
  double weight;
};

// Phrases that mark a sentence as answering the question, with how strongly.
std::vector<Cue> CuesFor(Topic topic) {
  switch (topic) {
    case Topic::kProblem:
      return {{"in this paper", 2},  {"in this work", 2},   {"we address", 2},
              {"we study", 2},       {"we tackle", 2},      {"we investigate", 2},
              {"problem", 1.5},      {"challenge", 1.5},    {"however", 1},
              {"remains", 1},        {"difficult", 1},      {"lack", 1},
              {"limited", 0.5},      {"existing", 0.5},     {"we aim", 1.5},
              {"goal", 1},           {"we propose", 1},     {"we introduce", 1},
              {"question", 1},       {"unclear", 1},        {"expensive", 0.5}};
    case Topic::kRelatedWork:
      return {{"prior work", 2},     {"previous work", 2},  {"previous stud", 2},
              {"prior stud", 2},     {"et al", 1.5},        {"has been", 1},
              {"have been", 1},      {"existing", 1},       {"recent", 1},
              {"approaches", 1},     {"methods", 0.5},      {"proposed", 1},
              {"studied", 1},        {"literature", 1},     {"unlike", 1.5},
              {"in contrast", 1.5},  {"our work", 1.5}};
    case Topic::kMethod:
      return {{"we propose", 2},     {"our method", 2},     {"our approach", 2},
              {"our model", 2},      {"our system", 2},     {"our framework", 2},
              {"we design", 1.5},    {"we introduce", 1.5}, {"we present", 1.5},
              {"we develop", 1.5},   {"we use", 1},         {"we train", 1},
              {"we formulate", 1},   {"we define", 1},      {"consists of", 1},
              {"composed of", 1},    {"architecture", 1},   {"algorithm", 0.5},
              {"takes as input", 1}, {"first", 0.5},        {"then", 0.5}};
    case Topic::kExperiments:
      return {{"we evaluate", 2},    {"we conduct", 2},     {"we compare", 1.5},
              {"experiments", 1.5},  {"outperform", 2},     {"results show", 2},
              {"achieves", 1.5},     {"improves", 1},       {"improvement", 1},
              {"baseline", 1},       {"state-of-the-art", 1}, {"dataset", 1},
              {"benchmark", 1},      {"accuracy", 1},       {"user study", 1.5},
              {"participants", 1},   {"compared to", 1},    {"%", 0.5},
              {"significantly", 1}};
    case Topic::kFurtherWork:
      return {{"future work", 3},    {"in the future", 3},  {"limitation", 2.5},
              {"we plan", 2.5},      {"future research", 3}, {"open question", 2},
              {"remains", 1},        {"could be", 1.5},     {"promising", 1.5},
              {"extend", 1.5},       {"further", 1},        {"we hope", 1.5},
              {"not yet", 1},        {"direction", 1.5},    {"would be", 1},
              {"we leave", 2},       {"beyond the scope", 2}};
    case Topic::kSummary:
      return {{"we propose", 2},     {"in this paper", 2},  {"we present", 2},
              {"we introduce", 2},   {"we show", 1.5},      {"results", 1},
              {"outperform", 1.5},   {"we find", 1.5},      {"we release", 1},
              {"demonstrate", 1}};
    case Topic::kNone:
      break;
  }
  return {};
}

double Score(std::string_view sentence, Topic topic, bool first_in_section) {
  const std::string folded = pdf::FoldCaseAndSpaces(sentence);
  double score = 0;
  for (const Cue& cue : CuesFor(topic)) {
    if (folded.find(cue.phrase) != std::string::npos) score += cue.weight;
  }
  if (topic == Topic::kSummary) score += 1;  // every sentence of an abstract is on topic
  // Introductions, abstracts and method sections open with their gist.
  if (first_in_section && (topic == Topic::kProblem || topic == Topic::kSummary ||
                           topic == Topic::kMethod)) {
    score += 0.5;
  }
  // A sentence that opens with a pronoun leans on the one before it.
  for (std::string_view dangling : {"it ", "they ", "these ", "such ", "this ", "however, this"}) {
    if (folded.starts_with(dangling) && !folded.starts_with("this paper") &&
        !folded.starts_with("this work")) {
      score -= 0.5;
      break;
    }
  }
  return score;
}

// Escapes the characters Markdown or the math renderer would act on. The answers are Markdown
// with TeX math, where "\\[", "\\]" and "\\$" would open or close a formula ("[39]" shown as a
// display equation, issue #15 point 1): brackets, dollars and backslashes become numeric character
// references, which Markdown shows as the character and never reads as syntax; the rest are
// backslash-escaped.
std::string EscapeMarkdown(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  for (char c : text) {
    switch (c) {
      case '[': out += "&#91;"; break;
      case ']': out += "&#93;"; break;
      case '$': out += "&#36;"; break;
      case '\\': out += "&#92;"; break;
      case '&': out += "&amp;"; break;
      default:
        if (std::string_view("`*_<>|#").find(c) != std::string_view::npos) out += '\\';
        out += c;
    }
  }
  return out;
}

std::string Bullet(std::string_view sentence, int page) {
  std::string bullet = "- " + EscapeMarkdown(sentence);
  if (page > 0) bullet += " [page " + std::to_string(page) + "]";
  return bullet;
}

struct Candidate {
  size_t order = 0;  // Sentence::order
  double score = 0;
  std::string bullet;  // verified
};

// The quotable sentences of `sections` whose page mark VerifyPageMarks keeps, scored.
std::vector<Candidate> Candidates(const std::vector<SectionText>& sections, Topic topic,
                                  const pdf::PaperText& paper) {
  std::vector<Candidate> candidates;
  std::set<std::string_view> seen;
  size_t order_base = 0;
  for (const SectionText& section : sections) {
    const std::vector<Sentence> sentences = SplitSentences(section, order_base);
    order_base += section.text.size() + 1;
    for (size_t k = 0; k < sentences.size(); ++k) {
      const Sentence& sentence = sentences[k];
      if (!IsQuotable(sentence.text) || !seen.insert(sentence.text).second) continue;
      std::string bullet = Bullet(sentence.text, sentence.page);
      const CheckedAnswer checked = VerifyPageMarks(bullet, paper);
      if (checked.marks_kept != 1 || checked.text != bullet) continue;
      candidates.push_back({sentence.order, Score(sentence.text, topic, k == 0), std::move(bullet)});
    }
  }
  return candidates;
}

// The best `max_sentences` candidates (those with a cue; else the first two), in reading order.
std::vector<std::string> Choose(std::vector<Candidate> candidates, int max_sentences) {
  std::vector<Candidate> chosen;
  std::vector<Candidate> by_score = candidates;
  std::ranges::stable_sort(by_score, [](const Candidate& a, const Candidate& b) {
    return a.score > b.score;
  });
  for (Candidate& candidate : by_score) {
    if (static_cast<int>(chosen.size()) >= max_sentences || candidate.score <= 0) break;
    chosen.push_back(std::move(candidate));
  }
  if (chosen.empty()) {
    for (Candidate& candidate : candidates) {
      if (static_cast<int>(chosen.size()) >= std::min(2, max_sentences)) break;
      chosen.push_back(std::move(candidate));
    }
  }
  std::ranges::sort(chosen, [](const Candidate& a, const Candidate& b) {
    return a.order < b.order;
  });
  std::vector<std::string> bullets;
  for (Candidate& candidate : chosen) bullets.push_back(std::move(candidate.bullet));
  return bullets;
}

// The summary from the store's abstract: each sentence cited to the first of the first three
// pages that bears it out, or quoted without a mark when the PDF's text does not.
std::vector<std::string> FromStoreAbstract(std::string_view abstract, const pdf::PaperText& paper,
                                           int max_sentences) {
  SectionText section;
  section.Append(1, abstract);
  std::vector<std::string> bullets;
  for (const Sentence& sentence : SplitSentences(section, 0)) {
    if (static_cast<int>(bullets.size()) >= max_sentences) break;
    if (TrimWhitespace(sentence.text).size() < 20) continue;
    std::string bullet = Bullet(TrimWhitespace(sentence.text), 0);
    for (int page = 1; page <= std::min<int>(3, static_cast<int>(paper.pages.size())); ++page) {
      const std::string marked = Bullet(TrimWhitespace(sentence.text), page);
      const CheckedAnswer checked = VerifyPageMarks(marked, paper);
      if (checked.marks_kept == 1 && checked.text == marked) {
        bullet = marked;
        break;
      }
    }
    bullets.push_back(std::move(bullet));
  }
  return bullets;
}

std::string JoinLines(const std::vector<std::string>& bullets) {
  std::string out;
  for (const std::string& bullet : bullets) {
    if (!out.empty()) out += '\n';
    out += bullet;
  }
  return out;
}

}  // namespace

std::vector<std::string> MakeExtractiveAnswers(const pdf::PaperText& paper, std::string_view abstract,
                                               const FaqPrompts& prompts, FaqLanguage language,
                                               int max_sentences) {
  const std::string nothing =
      language == FaqLanguage::kChinese ? "论文未说明。" : "The paper does not say.";
  const std::vector<Line> lines = BodyLines(paper);
  const std::vector<Heading> headings = FindHeadings(lines);
  std::vector<std::string> answers;
  for (const FaqQuestion& question : prompts.questions) {
    const Topic topic = TopicForQuestion(question.id);
    std::vector<std::string> bullets;
    if (topic != Topic::kNone && max_sentences > 0) {
      bullets = Choose(Candidates(SectionsFor(topic, lines, headings), topic, paper),
                       max_sentences);
      // Fallbacks where a paper has no section of that name: the abstract states the problem;
      // the store's abstract, then the introduction, summarise; the introduction's own "we
      // propose ..." sentences describe the method.
      if (bullets.empty() && topic == Topic::kProblem) {
        bullets = Choose(Candidates(SectionsFor(Topic::kSummary, lines, headings), topic, paper),
                         max_sentences);
      }
      if (bullets.empty() && topic == Topic::kSummary && !TrimWhitespace(abstract).empty()) {
        bullets = FromStoreAbstract(abstract, paper, max_sentences);
      }
      if (bullets.empty() && topic == Topic::kSummary) {
        bullets = Choose(Candidates(SectionsFor(Topic::kProblem, lines, headings), topic, paper),
                         max_sentences);
      }
      if (bullets.empty() && topic == Topic::kMethod) {
        std::vector<Candidate> cued;
        for (Candidate& candidate :
             Candidates(SectionsFor(Topic::kProblem, lines, headings), topic, paper)) {
          if (candidate.score >= 1.5) cued.push_back(std::move(candidate));
        }
        bullets = Choose(std::move(cued), max_sentences);
      }
    }
    answers.push_back(bullets.empty() ? nothing : JoinLines(bullets));
  }
  return answers;
}

}  // namespace coolpapers::faq
