// A machine translation of a paper's title and abstract into Chinese, the reader's "translate
// titles and abstracts" setting (reference §2.9: papers.cool translates into Chinese only, for
// readers who cannot reach a translation service of their own). Made once per paper version by
// the configured model and shared by every reader.
#ifndef COOLPAPERS_CORE_PAPER_TRANSLATION_H_
#define COOLPAPERS_CORE_PAPER_TRANSLATION_H_

#include <string>

#include "core/announcement_calendar.h"  // UtcTime

namespace coolpapers {

struct PaperTranslation {
  std::string paper_id;  // without version: "2401.06769"
  int version = 0;       // the version whose title and abstract were translated
  std::string title;     // Chinese, TeX math kept as it was
  std::string abstract;  // Chinese, TeX math kept as it was
  std::string model;     // who translated: "moonshot-v1-8k"
  UtcTime created{};
};

}  // namespace coolpapers

#endif  // COOLPAPERS_CORE_PAPER_TRANSLATION_H_
