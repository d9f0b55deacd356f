#include "harvest/oai_backfill.h"

#include <cctype>
#include <vector>

#include "harvest/fetch_document.h"
#include "ingest/oai_pmh_parser.h"
#include "ingest/record_fields.h"

namespace coolpapers::harvest {
namespace {

// The cursor of a range whose last page was written. A resumptionToken is never empty, so
// it cannot be mistaken for one.
constexpr std::string_view kFinished = "";

std::string CursorName(Date from, Date until) {
  return "oai:" + from.ToIso() + ".." + until.ToIso();
}

// RFC 3986 unreserved characters stay; everything else (arXiv's tokens hold '|') is escaped.
std::string PercentEncode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const unsigned char c : text) {
    if (std::isalnum(c) != 0 || c == '-' || c == '.' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    }
  }
  return out;
}

std::string TokenUrl(const HarvestOptions& options, std::string_view token) {
  return options.oai_url + "?verb=ListRecords&resumptionToken=" + PercentEncode(token);
}

PaperRecord RecordOf(Paper paper, int64_t position) {
  PaperRecord record{std::move(paper), {}};
  ingest::AddAnnouncementsFromVersions(record, position);
  return record;
}

}  // namespace

Result<BackfillProgress> RunOaiBackfill(store::Store& store, store::HarvestState& state,
                                        net::HttpClient& arxiv, const HarvestOptions& options,
                                        Date from, Date until,
                                        const BackfillProgressFn& progress) {
  const std::string cursor_name = CursorName(from, until);
  auto cursor = state.Cursor(cursor_name);
  if (!cursor) return std::unexpected(std::move(cursor.error()));
  BackfillProgress done;
  done.resumed = cursor->has_value();
  if (*cursor && **cursor == kFinished) return done;

  const std::string first_url = options.oai_url +
                                "?verb=ListRecords&metadataPrefix=arXivRaw&from=" + from.ToIso() +
                                "&until=" + until.ToIso();
  std::string url = *cursor ? TokenUrl(options, **cursor) : first_url;
  while (true) {
    auto body = FetchDocument(arxiv, url);
    if (!body) return std::unexpected(std::move(body.error()));
    auto page = ingest::ParseOaiPmhPage(*body, url);
    if (!page && done.resumed && done.pages == 0 &&
        page.error().message.find("badResumptionToken") != std::string::npos) {
      // arXiv's tokens expire; pages written before are rewritten unchanged from the start.
      auto cleared = state.ClearCursor(cursor_name);
      if (!cleared) return std::unexpected(std::move(cleared.error()));
      done.resumed = false;
      url = first_url;
      continue;
    }
    if (!page) return std::unexpected(std::move(page.error()));

    std::vector<PaperRecord> records;
    records.reserve(page->papers.size());
    for (Paper& paper : page->papers) {
      records.push_back(RecordOf(std::move(paper), done.papers_written + records.size()));
    }
    auto written = store.WriteRecords(records);
    if (!written) return std::unexpected(std::move(written.error()));
    // Saved only after the page is committed: a crash in between re-reads the page, which
    // writing again leaves as it was.
    const std::string next = page->resumption ? page->resumption->token : std::string(kFinished);
    auto saved = state.SetCursor(cursor_name, next);
    if (!saved) return std::unexpected(std::move(saved.error()));

    ++done.pages;
    done.papers_written += static_cast<int64_t>(records.size());
    done.deleted_seen += static_cast<int64_t>(page->deleted_ids.size());
    if (page->resumption && page->resumption->complete_list_size) {
      done.complete_list_size = page->resumption->complete_list_size;
    }
    if (progress) progress(done);
    if (!page->resumption) return done;
    url = TokenUrl(options, page->resumption->token);
  }
}

}  // namespace coolpapers::harvest
