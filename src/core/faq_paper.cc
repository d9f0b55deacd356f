#include "core/faq_paper.h"

namespace coolpapers {

Result<FaqPaper> FaqPaper::Parse(std::string_view text) {
  if (text.find('@') != std::string_view::npos) {
    Result<VenuePaperId> venue = ParseVenuePaperId(text);
    if (!venue) return std::unexpected(venue.error());
    return FaqPaper(*std::move(venue));
  }
  Result<ArxivId> arxiv = ArxivId::Parse(text);
  if (!arxiv) return std::unexpected(arxiv.error());
  return FaqPaper(*std::move(arxiv));
}

std::string FaqPaper::str() const {
  return is_venue() ? venue().ToString() : arxiv().str();
}

int FaqPaper::version() const {
  return is_venue() ? venue_version_ : arxiv().version();
}

FaqPaper FaqPaper::AtVersion(int version) const {
  if (is_venue()) return FaqPaper(venue(), 1);
  // A canonical id with a positive version always parses.
  return FaqPaper(ArxivId::Parse(arxiv().str() + "v" + std::to_string(version)).value());
}

std::string FaqPaper::Describe() const {
  return is_venue() ? venue().ToString() : "arXiv " + arxiv().WithVersion();
}

}  // namespace coolpapers
