#include "web/pages/layout.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "web/pages/error_page.h"
#include "tests/support/web_test_support.h"

namespace coolpapers::web {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// Sets a frame for one test and puts the default back, so no other test sees it.
class ScopedPageFrame {
 public:
  explicit ScopedPageFrame(PageFrame frame) { SetPageFrame(std::move(frame)); }
  ~ScopedPageFrame() { SetPageFrame(PageFrame{}); }
};

std::string PageStart() {
  std::string out;
  PageHead head;
  head.title = "t";
  AppendPageStart(out, head);
  return out;
}

TEST(PageFrame, BodyCarriesTheDefaultFaqLabelAndNoFeedbackLink) {
  const std::string page = PageStart();
  EXPECT_THAT(page, HasSubstr("<body id=\"arxiv\" data-faq-label=\"FAQ\">\n"));
  EXPECT_THAT(page, Not(HasSubstr("data-feedback-url")));
}

TEST(PageFrame, BodyCarriesTheConfiguredLabelAndFeedbackLinkEscaped) {
  ScopedPageFrame frame(
      {.faq_label = "Kimi", .feedback_url = "https://example.org/f?a=1&b=2", .translation = false});
  EXPECT_THAT(PageStart(), HasSubstr("<body id=\"arxiv\" data-faq-label=\"Kimi\" "
                                     "data-feedback-url=\"https://example.org/f?a=1&amp;b=2\">\n"));
  SetPageFrame(
      {.faq_label = std::string(testing::kImgPayload), .feedback_url = "", .translation = false});
  const std::string hostile = PageStart();
  EXPECT_THAT(hostile,
              HasSubstr("data-faq-label=\"&quot;&gt;&lt;img src=x onerror=alert(1)&gt;\">"));
  EXPECT_THAT(hostile, Not(HasSubstr("<img")));
}

TEST(PageFrame, BodySaysWhenTitlesAndAbstractsCanBeTranslated) {
  EXPECT_THAT(PageStart(), Not(HasSubstr("data-translation")));
  ScopedPageFrame frame({.faq_label = "FAQ", .feedback_url = "", .translation = true});
  EXPECT_THAT(PageStart(), HasSubstr("data-faq-label=\"FAQ\" data-translation=\"zh\">\n"));
}

TEST(PageFrame, ReachesEveryPageIncludingErrors) {
  ScopedPageFrame frame(
      {.faq_label = "Kimi", .feedback_url = "https://example.org/feedback", .translation = false});
  EXPECT_EQ(CurrentPageFrame()->faq_label, "Kimi");
  const std::string page = RenderErrorPage(404, "Not Found", "no paper 2401.99999 in this store");
  EXPECT_THAT(
      page,
      HasSubstr("data-faq-label=\"Kimi\" data-feedback-url=\"https://example.org/feedback\""));
}

}  // namespace
}  // namespace coolpapers::web
