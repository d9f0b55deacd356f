#include "tests/integration/faq_test_paper.h"

#include <fstream>

#include <gtest/gtest.h>

#include "tests/support/server_process.h"

namespace coolpapers::testing {
namespace {

// The daily-listing shape `coolpapers import` reads.
constexpr char kRecord[] =
    R"({"id": "2304.02623", "pdf": "https://arxiv.org/pdf/2304.02623", )"
    R"("abs": "https://arxiv.org/abs/2304.02623", "authors": ["Zejiang Shen", "Tal August"], )"
    R"("title": "Beyond Summarization: Designing AI Support for Real-World Expository Writing )"
    R"(Tasks", "categories": ["cs.CL"], "comment": null, "summary": "Large language models )"
    R"(have introduced exciting new opportunities for writing support.", )"
    R"("listing_date": "2023-04-06"})";

}  // namespace

void PrepareFaqTestPaper(const std::filesystem::path& data_dir,
                         const std::filesystem::path& shared) {
  std::filesystem::create_directories(data_dir / "pdf");
  const std::filesystem::path records = data_dir / "faq_test_paper.jsonl";
  std::ofstream(records) << kRecord << "\n";
  const CommandResult imported =
      RunCoolpapers({"import", "--data", data_dir.string(), records.string()});
  ASSERT_EQ(imported.exit_code, 0) << imported.output;
  std::filesystem::copy_file(shared / "pdfs" / "2304.02623v1.pdf",
                             data_dir / "pdf" / "2304.02623v1.pdf");
}

}  // namespace coolpapers::testing
