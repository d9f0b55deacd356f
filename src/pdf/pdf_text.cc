#include "pdf/pdf_text.h"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include <algorithm>
#include <climits>
#include <exception>
#include <memory>
#include <mutex>
#include <utility>

#include "pdf/hyphenation.h"
#include "pdf/page_layout.h"
#include "pdf/running_lines.h"
#include "pdf/section_headings.h"
#include "pdf/side_stamp.h"

namespace coolpapers::pdf {
namespace {

// Poppler reports problems through one process-wide callback (stderr by default). We route
// them to the thread doing the extraction, so they end up in Error::detail instead of the
// server's stderr.
thread_local std::string* poppler_messages = nullptr;

void CollectPopplerMessage(const std::string& message, void* /*closure*/) {
  // A damaged file can produce thousands of messages; the first few say what went wrong.
  if (poppler_messages != nullptr && poppler_messages->size() < 2000) {
    *poppler_messages += message;
    *poppler_messages += '\n';
  }
}

// Installs the collector for the scope's lifetime on this thread.
class PopplerMessageScope {
 public:
  explicit PopplerMessageScope(std::string* sink) {
    static std::once_flag installed;
    std::call_once(installed,
                   [] { poppler::set_debug_error_function(CollectPopplerMessage, nullptr); });
    poppler_messages = sink;
  }
  ~PopplerMessageScope() { poppler_messages = nullptr; }
  PopplerMessageScope(const PopplerMessageScope&) = delete;
  PopplerMessageScope& operator=(const PopplerMessageScope&) = delete;
};

std::string Quoted(std::string_view source) { return "\"" + std::string(source) + "\""; }

std::unexpected<Error> Damaged(std::string_view source, std::string detail) {
  return Fail(ErrorCode::kCorrupt,
              "the PDF " + Quoted(source) + " is damaged or truncated and cannot be read",
              std::move(detail));
}

// PDF 1.7 §7.5.5: the file ends with "%%EOF". Readers tolerate some trailing bytes, so look in
// the last KiB. A download cut short lacks it, even when poppler could rebuild enough of the
// file from what arrived to show a few pages.
bool HasEndMarker(std::string_view bytes) {
  const size_t tail = std::min<size_t>(bytes.size(), 1024);
  return bytes.substr(bytes.size() - tail).find("%%EOF") != std::string_view::npos;
}

// Typographic ligatures (U+FB00-FB04) spelled out, so "ﬁne-grained" matches a search for
// "fine-grained" and a quote check finds the model's quotes.
void ExpandLigatures(std::string& text) {
  static constexpr std::pair<std::string_view, std::string_view> kLigatures[] = {
      {"\uFB00", "ff"}, {"\uFB01", "fi"}, {"\uFB02", "fl"}, {"\uFB03", "ffi"}, {"\uFB04", "ffl"}};
  if (text.find("\xEF\xAC") == std::string::npos) return;  // the UTF-8 lead of all five
  for (const auto& [ligature, letters] : kLigatures) {
    for (size_t at; (at = text.find(ligature)) != std::string::npos;) {
      text.replace(at, ligature.size(), letters);
    }
  }
}

// A page's words, seen so that its main text reads left to right.
struct UprightPage {
  std::vector<PlacedWord> words;
  double width = 0;
  double height = 0;
};

UprightPage PageWords(const poppler::page& page) {
  const std::vector<poppler::text_box> boxes = page.text_list();
  // The main text runs the way most characters run: left to right on most pages, downwards on a
  // page shown turned (/Rotate 90, landscape tables). Text running any other way is the arXiv
  // side stamp or figure and table decoration, which would break sentences if read in.
  size_t characters[4] = {};
  for (const poppler::text_box& box : boxes) {
    if (box.rotation() >= 0 && box.rotation() < 4) characters[box.rotation()] += box.text().size();
  }
  int rotation = static_cast<int>(std::max_element(characters, characters + 4) - characters);
  // Upright wins unless clearly outnumbered, so a sparse first page keeps its few lines over the
  // stamp beside them.
  if (2 * characters[0] >= characters[rotation]) rotation = 0;
  // Poppler reports boxes on the page as shown, which /Rotate 90 or 270 turns sideways.
  const poppler::rectf rect = page.page_rect();
  const bool sideways = page.orientation() == poppler::page::landscape ||
                        page.orientation() == poppler::page::seascape;
  const double shown_width = sideways ? rect.height() : rect.width();
  const double shown_height = sideways ? rect.width() : rect.height();

  UprightPage upright;
  const bool quarter_turn = rotation % 2 == 1;
  upright.width = quarter_turn ? shown_height : shown_width;
  upright.height = quarter_turn ? shown_width : shown_height;
  for (const poppler::text_box& box : boxes) {
    if (box.rotation() != rotation) continue;
    const poppler::byte_array utf8 = box.text().to_utf8();
    if (utf8.empty()) continue;
    const poppler::rectf r = box.bbox();
    std::string text(utf8.begin(), utf8.end());
    ExpandLigatures(text);
    upright.words.push_back({TurnUpright({r.left(), r.top(), r.right(), r.bottom()}, rotation,
                                         shown_width, shown_height),
                             std::move(text), box.has_space_after()});
  }
  return upright;
}

// Joins each page's lines with '\n' and finds the last references heading.
PaperText Assemble(const std::vector<std::vector<std::string>>& page_lines) {
  PaperText paper;
  for (size_t p = 0; p < page_lines.size(); ++p) {
    PageText page{static_cast<int>(p + 1), {}};
    for (const std::string& line : page_lines[p]) {
      if (line.empty()) continue;
      if (!page.text.empty()) page.text += '\n';
      // The last heading wins: a "References" line in a table of contents comes earlier.
      if (ClassifyHeading(line) == SectionKind::kReferences) {
        paper.references = TextPosition{page.number, page.text.size()};
      }
      page.text += line;
    }
    paper.pages.push_back(std::move(page));
  }
  return paper;
}

Result<PaperText> Extract(std::string_view pdf_bytes, std::string_view source,
                          std::string& messages) {
  if (pdf_bytes.size() > INT_MAX) {
    return Fail(ErrorCode::kInvalidArgument,
                "the PDF " + Quoted(source) + " is too large (over 2 GiB)");
  }
  std::unique_ptr<poppler::document> document(
      poppler::document::load_from_raw_data(pdf_bytes.data(), static_cast<int>(pdf_bytes.size())));
  if (document == nullptr) return Damaged(source, "poppler could not load it: " + messages);
  if (document->is_locked()) {
    return Fail(ErrorCode::kInvalidArgument, "the PDF " + Quoted(source) +
                                                 " is encrypted (password-protected); its text "
                                                 "cannot be read");
  }
  const int page_count = document->pages();
  if (page_count <= 0) return Damaged(source, "poppler found no pages: " + messages);

  std::vector<PageLines> pages;
  pages.reserve(static_cast<size_t>(page_count));
  bool any_text = false;
  for (int i = 0; i < page_count; ++i) {
    std::unique_ptr<poppler::page> page(document->create_page(i));
    if (page == nullptr) {
      return Damaged(source,
                     "poppler could not load page " + std::to_string(i + 1) + ": " + messages);
    }
    const UprightPage upright = PageWords(*page);
    any_text = any_text || !upright.words.empty();
    PageLines lines{upright.width, upright.height, {}};
    lines.lines = OrderForReading(GroupIntoLines(upright.words), upright.width);
    std::erase_if(lines.lines, [](const PlacedLine& line) { return IsArxivSideStamp(line.text); });
    pages.push_back(std::move(lines));
  }
  if (!any_text) {
    return Fail(ErrorCode::kNotFound, "the PDF " + Quoted(source) + " has no text on any of its " +
                                          std::to_string(page_count) +
                                          " pages; it is probably a scan, which we cannot read");
  }
  RemoveRunningLines(pages);

  std::vector<std::vector<std::string>> page_lines(pages.size());
  for (size_t p = 0; p < pages.size(); ++p) {
    for (PlacedLine& line : pages[p].lines) page_lines[p].push_back(std::move(line.text));
  }
  JoinHyphenatedWords(page_lines);
  return Assemble(page_lines);
}

}  // namespace

Result<PaperText> ExtractPaperText(std::string_view pdf_bytes, std::string_view source) {
  if (!pdf_bytes.starts_with("%PDF")) {
    return Fail(ErrorCode::kInvalidArgument,
                "the file " + Quoted(source) + " is not a PDF (it does not start with %PDF)");
  }
  if (!HasEndMarker(pdf_bytes)) {
    return Damaged(source,
                   "no %%EOF in the last 1024 bytes of " + std::to_string(pdf_bytes.size()));
  }
  std::string messages;
  PopplerMessageScope scope(&messages);
  try {
    return Extract(pdf_bytes, source, messages);
  } catch (const std::exception& e) {
    // poppler-cpp does not document exceptions, but std::bad_alloc and friends can escape it.
    return Fail(ErrorCode::kInternal, "reading the PDF " + Quoted(source) + " failed", e.what());
  }
}

}  // namespace coolpapers::pdf
