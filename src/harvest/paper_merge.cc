#include "harvest/paper_merge.h"

#include <algorithm>

namespace coolpapers::harvest {
namespace {

void FillBlank(std::string& field, const std::string& fallback) {
  if (field.empty()) field = fallback;
}

void FillBlanks(Paper& paper, const Paper& from) {
  FillBlank(paper.comments, from.comments);
  FillBlank(paper.journal_ref, from.journal_ref);
  FillBlank(paper.doi, from.doi);
  FillBlank(paper.license, from.license);
  if (paper.versions.empty()) {
    // Dates of versions up to ours are facts that a later version does not change.
    for (const PaperVersion& version : from.versions) {
      if (version.number <= paper.version) paper.versions.push_back(version);
    }
  }
}

}  // namespace

bool DescribedAt(const Paper& paper, int version) {
  return paper.version >= version &&
         std::ranges::any_of(paper.versions, [&](const PaperVersion& known) {
           return known.number == paper.version;
         });
}

Paper MergeListedPaper(const Paper& feed, const Paper* stored, const Paper* api) {
  const bool api_current = api != nullptr && api->version >= feed.version;
  Paper merged = api_current ? *api : feed;
  if (!feed.license.empty()) merged.license = feed.license;
  if (api_current) FillBlanks(merged, feed);
  if (stored != nullptr) FillBlanks(merged, *stored);
  merged.first_listed.reset();  // the store derives it from the listings
  return merged;
}

}  // namespace coolpapers::harvest
