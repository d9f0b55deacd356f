// ExtractPaperText on the real papers in ../shared/data/pdfs (MANIFEST.md §3): page counts,
// titles on page 1, no arXiv side stamp, the references heading, and columns read in order.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <ostream>

#include "pdf/pdf_text.h"
#include "tests/support/replay_server.h"
#include "tests/support/shared_data.h"

namespace coolpapers::pdf {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

struct RealPdf {
  const char* file;
  int pages;
  std::vector<const char*> title_phrases;  // on page 1, as extracted
  const char* stamp;                       // the side stamp's id, or nullptr
  int references_page;                     // 0 when the paper has no references heading
};

const std::vector<RealPdf>& RealPdfs() {
  static const std::vector<RealPdf> pdfs = {
      {"2304.02623v1.pdf",
       4,
       {"Beyond Summarization", "Expository Writing"},
       "arXiv:2304.02623v1",
       3},
      {"2206.10883v3.pdf", 37, {"Multi-LexSum", "Civil Rights Lawsuits"}, "arXiv:2206.10883v3", 10},
      {"2302.07302v1.pdf",
       15,
       {"CiteSee", "Persistent and Personalized Historical Context"},
       "arXiv:2302.07302v1",
       14},
      {"2203.00130v1.pdf",
       39,
       {"Paper Plain", "Medical Research Papers"},
       "arXiv:2203.00130v1",
       30},
      {"1111.2011v2.pdf", 8, {"Quantum Criticality", "Bethe Lattice"}, "arXiv:1111.2011v2", 0},
      {"2305.03393v1-page9-only.pdf", 1, {}, nullptr, 0},
      {"acl-2020.acl-main.447.pdf",
       15,
       {"S2ORC", "Semantic Scholar Open Research Corpus"},
       nullptr,
       9},
      {"acl-2023.eacl-main.121.pdf",
       20,
       {"Guidelines for Human Evaluation", "Long-form"},
       nullptr,
       10},
  };
  return pdfs;
}

// Names the PDF in test names and failure messages instead of dumping the struct's bytes.
void PrintTo(const RealPdf& pdf, std::ostream* out) { *out << pdf.file; }

class RealPdfTest : public ::testing::TestWithParam<RealPdf> {};

TEST_P(RealPdfTest, ExtractsPagesTitleWithoutStampAndFindsReferences) {
  COOLPAPERS_REQUIRE_SHARED_DATA(data);
  const RealPdf& pdf = GetParam();
  auto paper = ExtractPaperText(testing::ReadFileBytes(data / "pdfs" / pdf.file), pdf.file);
  ASSERT_TRUE(paper.has_value()) << paper.error().message << " / " << paper.error().detail;

  ASSERT_EQ(paper->pages.size(), static_cast<size_t>(pdf.pages));
  for (size_t i = 0; i < paper->pages.size(); ++i)
    EXPECT_EQ(paper->pages[i].number, static_cast<int>(i + 1));
  // Titles wrap, so compare with line breaks read as spaces.
  std::string first_page = paper->pages[0].text;
  std::replace(first_page.begin(), first_page.end(), '\n', ' ');
  for (const char* phrase : pdf.title_phrases) EXPECT_THAT(first_page, HasSubstr(phrase));
  if (pdf.stamp != nullptr) {
    for (const PageText& page : paper->pages) {
      EXPECT_THAT(page.text, Not(HasSubstr(pdf.stamp))) << "page " << page.number;
    }
  }
  if (pdf.references_page == 0) {
    EXPECT_FALSE(paper->references.has_value());
  } else {
    ASSERT_TRUE(paper->references.has_value());
    EXPECT_EQ(paper->references->page, pdf.references_page);
    const std::string heading = paper->pages[pdf.references_page - 1].text.substr(
        paper->references->offset, std::string_view("References\n").size());
    EXPECT_THAT(heading, ::testing::AnyOf("References\n", "REFERENCES\n")) << heading;
  }
}

INSTANTIATE_TEST_SUITE_P(SharedData, RealPdfTest, ::testing::ValuesIn(RealPdfs()),
                         [](const ::testing::TestParamInfo<RealPdf>& info) {
                           std::string name;
                           for (const char* c = info.param.file; *c != '\0' && *c != '.'; ++c) {
                             if (std::isalnum(static_cast<unsigned char>(*c))) name += *c;
                           }
                           return name + "_" + std::to_string(info.index);
                         });

// The first page of the EACL paper is two columns under a full-width title; poppler's own block
// order puts half of the right column before the abstract in the left one.
TEST(RealPdf, ReadsTwoColumnsInOrderAndJoinsHyphens) {
  COOLPAPERS_REQUIRE_SHARED_DATA(data);
  auto paper = ExtractPaperText(testing::ReadFileBytes(data / "pdfs" / "acl-2023.eacl-main.121.pdf"), "eacl");
  ASSERT_TRUE(paper.has_value()) << paper.error().message;
  const std::string& page = paper->pages[0].text;
  const size_t title = page.find("Faithfulness in Long-form Summarization");
  const size_t abstract = page.find("While human evaluation remains best practice\n");
  const size_t abstract_end = page.find("software for future research.");
  const size_t introduction = page.find("1 Introduction\nHuman judgments are considered the gold");
  const size_t right_column = page.find(
      "maries (Kryscinski et al., 2019; Fabbri et al., 2021)\n"
      "and generated text more broadly");
  const size_t right_column_end = page.find("and enumerate them here:");
  for (size_t at : {title, abstract, abstract_end, introduction, right_column, right_column_end}) {
    ASSERT_NE(at, std::string::npos) << page;
  }
  EXPECT_LT(title, abstract);
  EXPECT_LT(abstract, abstract_end);
  EXPECT_LT(abstract_end, introduction);
  EXPECT_LT(introduction, right_column);
  EXPECT_LT(right_column, right_column_end);
  // "diffi-" / "cult" and "statisti-" / "cally" in the right column.
  EXPECT_THAT(page, HasSubstr("and difficult\nto design."));
  EXPECT_THAT(page, HasSubstr("statistically"));
}

// The CHI paper repeats "CHI ’23, April 23–28, 2023, Hamburg, Germany" and "Chang et al."
// at the top of its pages, and the EACL paper numbers its pages 1650, 1651, ...
TEST(RealPdf, RemovesRunningHeadersAndPageNumbers) {
  COOLPAPERS_REQUIRE_SHARED_DATA(data);
  auto chi = ExtractPaperText(testing::ReadFileBytes(data / "pdfs" / "2302.07302v1.pdf"), "chi");
  ASSERT_TRUE(chi.has_value()) << chi.error().message;
  for (size_t i = 1; i < chi->pages.size(); ++i) {
    EXPECT_THAT(chi->pages[i].text, Not(HasSubstr("Hamburg, Germany"))) << "page " << i + 1;
    EXPECT_THAT(chi->pages[i].text, Not(::testing::StartsWith("Chang et al."))) << i + 1;
  }
  auto eacl = ExtractPaperText(testing::ReadFileBytes(data / "pdfs" / "acl-2023.eacl-main.121.pdf"), "eacl");
  ASSERT_TRUE(eacl.has_value()) << eacl.error().message;
  for (const PageText& page : eacl->pages) {
    const std::string number = std::to_string(1649 + page.number);
    EXPECT_THAT("\n" + page.text + "\n", Not(HasSubstr("\n" + number + "\n")))
        << "page " << page.number;
  }
}

}  // namespace
}  // namespace coolpapers::pdf
