#include "pdf/side_stamp.h"

#include <gtest/gtest.h>

namespace coolpapers::pdf {
namespace {

TEST(IsArxivSideStamp, RecognisesTheStampForwardsAndBackwards) {
  for (const char* line :
       {"arXiv:2304.02623v1 [cs.CL] 5 Apr 2023", "arXiv:1111.2011v2 [cond-mat.str-el] 2 Apr 2012",
        "arXiv:hep-th/9901001v2 [hep-th] 3 Jan 1999", "  arXiv:2206.10883v3  [cs.CL]  16 Dec 2022 ",
        "3202 rpA 5 ]LC.sc[ 1v32620.4032:viXra"}) {
    EXPECT_TRUE(IsArxivSideStamp(line)) << line;
  }
}

TEST(IsArxivSideStamp, LeavesTextThatOnlyMentionsArxiv) {
  for (const char* line : {"", "arXiv:2304.02623", "see arXiv:2304.02623v1 [cs.CL] 5 Apr 2023",
                           "arXiv preprint arXiv:2304.02623, 2023.",
                           "Preprint. arXiv:2304.02623v1 [cs.CL] 5 Apr 2023 and more"}) {
    EXPECT_FALSE(IsArxivSideStamp(line)) << line;
  }
}

}  // namespace
}  // namespace coolpapers::pdf
