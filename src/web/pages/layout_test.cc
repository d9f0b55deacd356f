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

std::string PageStart(const PageFrame& frame = PageFrame{}) {
  std::string out;
  PageHead head;
  head.title = "t";
  AppendPageStart(out, head, frame);
  return out;
}

TEST(PageFrame, BodyCarriesTheDefaultFaqLabelAndNoFeedbackLink) {
  const std::string page = PageStart();
  EXPECT_THAT(page, HasSubstr("<body id=\"arxiv\" data-faq-label=\"FAQ\">\n"));
  EXPECT_THAT(page, Not(HasSubstr("data-feedback-url")));
}

TEST(PageFrame, BodyCarriesTheConfiguredLabelAndFeedbackLinkEscaped) {
  EXPECT_THAT(PageStart({.faq_label = "Kimi",
                          .feedback_url = "https://example.org/f?a=1&b=2",
                          .translation = false}),
              HasSubstr("<body id=\"arxiv\" data-faq-label=\"Kimi\" "
                        "data-feedback-url=\"https://example.org/f?a=1&amp;b=2\">\n"));
  const std::string hostile = PageStart(
      {.faq_label = std::string(testing::kImgPayload), .feedback_url = "", .translation = false});
  EXPECT_THAT(hostile,
              HasSubstr("data-faq-label=\"&quot;&gt;&lt;img src=x onerror=alert(1)&gt;\">"));
  EXPECT_THAT(hostile, Not(HasSubstr("<img")));
}

TEST(PageFrame, BodySaysWhenTitlesAndAbstractsCanBeTranslated) {
  EXPECT_THAT(PageStart(), Not(HasSubstr("data-translation")));
  EXPECT_THAT(PageStart({.faq_label = "FAQ", .feedback_url = "", .translation = true}),
              HasSubstr("data-faq-label=\"FAQ\" data-translation=\"zh\">\n"));
}

TEST(PageFrame, ReachesErrorPages) {
  const std::string page = RenderErrorPage(
      404, "Not Found", "no paper 2401.99999 in this store",
      {.faq_label = "Kimi", .feedback_url = "https://example.org/feedback", .translation = false});
  EXPECT_THAT(
      page,
      HasSubstr("data-faq-label=\"Kimi\" data-feedback-url=\"https://example.org/feedback\""));
}

}  // namespace
}  // namespace coolpapers::web
