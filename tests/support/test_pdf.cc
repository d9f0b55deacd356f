#include "tests/support/test_pdf.h"

#include <cstdio>

namespace coolpapers::pdf::testing {
namespace {

std::string Escape(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '(' || c == ')' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

std::string Number(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2f", value);
  return buffer;
}

std::string ContentStream(const TestPage& page) {
  std::string content = page.graphics.empty() ? "" : page.graphics + "\n";
  for (const TestText& text : page.texts) {
    content += "BT /F1 " + Number(text.size) + " Tf " + Number(text.x) + " " +
               Number(kPageHeight - text.y) + " Td (" + Escape(text.text) + ") Tj ET\n";
  }
  return content;
}

}  // namespace

std::string MakeTestPdf(const std::vector<TestPage>& pages, bool encrypted) {
  // Objects 1..n in order: catalog, page tree, font, then a page and its content per page, then
  // the encryption dictionary.
  std::vector<std::string> objects;
  std::string kids;
  for (size_t i = 0; i < pages.size(); ++i) kids += std::to_string(4 + 2 * i) + " 0 R ";
  objects.push_back("<< /Type /Catalog /Pages 2 0 R >>");
  objects.push_back("<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages.size()) +
                    " >>");
  objects.push_back(
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
      "/Encoding /WinAnsiEncoding >>");
  for (size_t i = 0; i < pages.size(); ++i) {
    const std::string content = ContentStream(pages[i]);
    objects.push_back("<< /Type /Page /Parent 2 0 R /Rotate " + std::to_string(pages[i].rotate) +
                      " /MediaBox [0 0 " + Number(kPageWidth) + " " + Number(kPageHeight) +
                      "] /Resources << /Font << /F1 3 0 R >> >> /Contents " +
                      std::to_string(5 + 2 * i) + " 0 R >>");
    objects.push_back("<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content +
                      "endstream");
  }
  const std::string id = "<00112233445566778899aabbccddeeff>";
  if (encrypted) {
    // RC4 40-bit (PDF 1.7 §7.6.3). /O and /U are arbitrary, so no password, not even the empty
    // one, passes the check: a reader sees a locked document.
    const std::string check(64, 'a');
    objects.push_back("<< /Filter /Standard /V 1 /R 2 /O <" + check + "> /U <" + check +
                      "> /P -44 >>");
  }

  std::string pdf = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (size_t offset : offsets) {
    char entry[32];
    std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", offset);
    pdf += entry;
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R /ID [" + id +
         id + "]";
  if (encrypted) pdf += " /Encrypt " + std::to_string(objects.size()) + " 0 R";
  pdf += " >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

std::string FaqTestPdf() {
  return MakeTestPdf({
      {.texts = {{.x = 72, .y = 100, .size = 14, .text = "Scaling Attention"},
                 {.x = 72, .y = 130, .text = "Abstract. The attention mechanism improves"},
                 {.x = 72, .y = 145, .text = "scaling of language models."},
                 {.x = 72, .y = 175, .text = "1 Introduction"},
                 {.x = 72, .y = 190, .text = "We study the attention mechanism and its scaling."}}},
      {.texts = {{.x = 72, .y = 100, .text = "2 Experiments"},
                 {.x = 72, .y = 115, .text = "Experiments on translation benchmarks show gains."}}},
  });
}

}  // namespace coolpapers::pdf::testing
