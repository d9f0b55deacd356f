// The "paper:<id>" job: one paper by id through the export API, for a reader who asked for a
// paper we do not have.
#include <array>

#include "core/quoted_text.h"
#include "harvest/api_enrichment.h"
#include "harvest/fetch_document.h"
#include "harvest/harvester.h"
#include "harvest/paper_merge.h"

namespace coolpapers::harvest {

jobs::JobOutcome Harvester::RunPaperJob(const std::string& id_text) {
  auto id = ArxivId::Parse(id_text);
  if (!id) return jobs::JobOutcome::Fail(id.error().message);
  const std::array<std::string, 1> ids = {id->str()};
  auto found = FetchApiPapers(arxiv_, options_.api_url, ids, 1);
  if (!found) return OutcomeOfFetch(found.error());
  const auto it = found->find(id->str());
  if (it == found->end()) return jobs::JobOutcome::Done(std::string(kPaperNotFoundResult));

  auto stored = store_.PapersByIds(ids);
  if (!stored) return OutcomeOfFetch(stored.error());
  const Paper* known = stored->empty() ? nullptr : &stored->front();
  const std::array<PaperRecord, 1> record = {
      PaperRecord{MergeListedPaper(it->second, known, &it->second), {}}};
  auto written = store_.WriteRecords(record);
  if (!written) return OutcomeOfFetch(written.error());
  return jobs::JobOutcome::Done("stored");
}

}  // namespace coolpapers::harvest
