#include "faq/token_budget.h"

#include <algorithm>
#include <optional>
#include <variant>
#include <vector>

#include "pdf/section_headings.h"

namespace coolpapers::faq {
namespace {

struct Line {
  int page = 0;
  std::string_view text;
  pdf::SectionKind kind = pdf::SectionKind::kOther;
};

struct Range {
  size_t begin = 0;
  size_t end = 0;
};

// What a fitted text is made of: runs of the paper's lines, and notes saying what was cut.
using Piece = std::variant<Range, std::string>;

std::string PageMarker(int page) { return "[page " + std::to_string(page) + "]\n"; }

// The paper's lines in order; `references_line` is the index of the references heading.
std::vector<Line> SplitLines(const pdf::PaperText& paper, std::optional<size_t>& references_line) {
  std::vector<Line> lines;
  for (const pdf::PageText& page : paper.pages) {
    std::string_view text = page.text;
    size_t offset = 0;
    while (offset < text.size()) {
      size_t end = text.find('\n', offset);
      if (end == std::string_view::npos) end = text.size();
      if (paper.references == pdf::TextPosition{page.number, offset}) references_line = lines.size();
      const std::string_view line = text.substr(offset, end - offset);
      lines.push_back({page.number, line, pdf::ClassifyHeading(line)});
      offset = end + 1;
    }
  }
  return lines;
}

// A page marker opens every range and every change of page within one.
std::string Render(const std::vector<Line>& lines, const std::vector<Piece>& pieces) {
  std::string out;
  for (const Piece& piece : pieces) {
    if (const auto* note = std::get_if<std::string>(&piece)) {
      out += *note;
      continue;
    }
    const Range& range = std::get<Range>(piece);
    for (size_t i = range.begin; i < range.end; ++i) {
      if (i == range.begin || lines[i].page != lines[i - 1].page) out += PageMarker(lines[i].page);
      out += lines[i].text;
      out += '\n';
    }
  }
  return out;
}

// Size in bytes of Render() of the line just added to a range growing forwards or backwards.
size_t AddedBytes(const std::vector<Line>& lines, size_t i, bool opens_page) {
  return lines[i].text.size() + 1 + (opens_page ? PageMarker(lines[i].page).size() : 0);
}

// Head [0, h) and tail [t, body_end) of the body, with a note between, within `budget` bytes.
std::vector<Piece> TrimMiddle(const std::vector<Line>& lines, size_t body_end, size_t budget) {
  size_t tail_begin = body_end;
  size_t conclusion = body_end;
  for (size_t i = 0; i < body_end; ++i) {
    if (lines[i].kind == pdf::SectionKind::kConclusion) conclusion = i;
  }
  // Grow the tail backwards up to its share, preferring to start exactly at the conclusion.
  const size_t conclusion_share = budget * 45 / 100;
  const size_t plain_share = budget * 30 / 100;
  size_t tail_bytes = 0;
  for (size_t t = body_end; t > 0; --t) {
    const size_t i = t - 1;
    const bool opens_page = t == body_end || lines[i].page != lines[t].page;
    const size_t grown = tail_bytes + AddedBytes(lines, i, opens_page);
    const bool reaching_conclusion = conclusion < body_end && i >= conclusion;
    if (grown > (reaching_conclusion ? conclusion_share : plain_share)) break;
    tail_bytes = grown;
    tail_begin = i;
    if (i == conclusion) break;
  }
  // A partial conclusion share that stopped short of the heading: fall back to the plain share.
  if (conclusion < body_end && tail_begin > conclusion) {
    while (tail_begin < body_end && tail_bytes > plain_share) {
      const bool opens_page =
          tail_begin + 1 == body_end || lines[tail_begin].page != lines[tail_begin + 1].page;
      tail_bytes -= AddedBytes(lines, tail_begin, opens_page);
      ++tail_begin;
    }
  }

  if (tail_begin == 0) return {Range{0, body_end}};
  auto note_for = [&](size_t head_end) {
    const int first = lines[head_end].page;
    const int last = lines[tail_begin - 1].page;
    return "[... " +
           (first == last ? "part of page " + std::to_string(first)
                          : "pages " + std::to_string(first) + "-" + std::to_string(last)) +
           " trimmed to fit the model's context ...]\n";
  };
  size_t head_end = 0;
  size_t head_bytes = 0;
  while (head_end < tail_begin) {
    const bool opens_page = head_end == 0 || lines[head_end].page != lines[head_end - 1].page;
    const size_t grown = head_bytes + AddedBytes(lines, head_end, opens_page);
    // The note is at most as long as the one for the longest possible cut.
    if (grown + tail_bytes + note_for(0).size() + 16 > budget) break;
    head_bytes = grown;
    ++head_end;
  }
  if (head_end == tail_begin) return {Range{0, body_end}};
  if (head_end == 0) {
    // Too small for a head and a tail: the opening lines alone, the title first.
    head_bytes = 0;
    while (head_end < body_end) {
      const bool opens_page = head_end == 0 || lines[head_end].page != lines[head_end - 1].page;
      head_bytes += AddedBytes(lines, head_end, opens_page);
      if (head_bytes > budget) break;
      ++head_end;
    }
    return {Range{0, head_end}};
  }
  std::vector<Piece> pieces{Range{0, head_end}, note_for(head_end)};
  if (tail_begin < body_end) pieces.push_back(Range{tail_begin, body_end});
  return pieces;
}

}  // namespace

size_t EstimateTokens(std::string_view text) { return (text.size() + 3) / 4; }

std::string FitToBudget(const pdf::PaperText& paper, size_t max_tokens) {
  const size_t budget = max_tokens * 4;  // bytes, the inverse of EstimateTokens
  std::optional<size_t> references;
  const std::vector<Line> lines = SplitLines(paper, references);
  const size_t n = lines.size();

  std::vector<std::vector<Piece>> candidates{{Range{0, n}}};
  size_t body_end = n;
  if (references) {
    body_end = *references;
    size_t appendix = body_end + 1;
    while (appendix < n && lines[appendix].kind != pdf::SectionKind::kAppendix) ++appendix;
    const std::string omitted = "[... references omitted to fit the model's context ...]\n";
    if (appendix < n) {
      candidates.push_back({Range{0, body_end}, omitted, Range{appendix, n}});
    }
    candidates.push_back(
        {Range{0, body_end},
         appendix < n ? "[... references and appendices omitted to fit the model's context ...]\n"
                      : omitted});
  }
  for (const auto& pieces : candidates) {
    std::string text = Render(lines, pieces);
    if (text.size() <= budget) return text;
  }
  std::string text = Render(lines, TrimMiddle(lines, body_end, budget));
  // TrimMiddle's arithmetic mirrors Render's; should they ever disagree, cut at a line rather
  // than break the budget.
  while (text.size() > budget) {
    const size_t cut = text.rfind('\n', text.size() - 2);
    text.resize(cut == std::string::npos ? 0 : cut + 1);
  }
  return text;
}

}  // namespace coolpapers::faq
