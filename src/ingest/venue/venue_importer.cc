#include "ingest/venue/venue_importer.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <vector>

#include "core/quoted_text.h"
#include "ingest/venue/acl_anthology_reader.h"
#include "ingest/venue/ojs_oai_reader.h"
#include "ingest/venue/openreview_reader.h"
#include "ingest/venue/paper_copilot_reader.h"
#include "ingest/venue/pmlr_bib_reader.h"
#include "ingest/venue/venue_store_writer.h"

namespace coolpapers::ingest {
namespace {

constexpr size_t kSniffBytes = 4096;

// Hands the readers' records to the writer thread in batches, and keeps the counts. Progress
// counts the records handed over: at most two batches ahead of what is committed.
class BatchingSink final : public VenueRecordSink {
 public:
  BatchingSink(VenueStoreWriter& writer, ImportObserver& observer, VenueImportSummary& summary,
               size_t batch_size)
      : writer_(writer), observer_(observer), summary_(summary), batch_size_(batch_size) {}

  void StartFile(const std::filesystem::path& path) {
    path_ = path;
    file_bytes_done_ = 0;
  }

  Result<void> OnEdition(const VenueEdition& edition) override {
    // Papers already read belong to earlier editions: they go first.
    if (auto flushed = Flush(); !flushed) return flushed;
    if (auto written = writer_.WriteEdition(edition); !written) return written;
    ++summary_.editions;
    return {};
  }

  Result<void> OnPaper(VenuePaper paper, int64_t bytes_done) override {
    batch_.push_back(std::move(paper));
    file_bytes_done_ = bytes_done;
    if (batch_.size() >= batch_size_) return Flush();
    return {};
  }

  void OnMalformed(int64_t line, std::string message) override {
    ++summary_.counts.skipped_lines;
    observer_.OnMalformedLine({path_, line, std::move(message)});
  }

  // Hands the pending papers over and reports progress.
  Result<void> Flush() {
    if (!batch_.empty()) {
      summary_.counts.records += static_cast<int64_t>(batch_.size());
      if (auto queued = writer_.WritePapers(std::move(batch_)); !queued) return queued;
      batch_.clear();
    }
    summary_.counts.bytes_done = bytes_before_file_ + file_bytes_done_;
    observer_.OnProgress(summary_.counts);
    return {};
  }

  void EndFile(int64_t file_size) {
    bytes_before_file_ += file_size;
    file_bytes_done_ = 0;
  }

 private:
  VenueStoreWriter& writer_;
  ImportObserver& observer_;
  VenueImportSummary& summary_;
  const size_t batch_size_;
  std::vector<VenuePaper> batch_;
  std::filesystem::path path_;
  int64_t bytes_before_file_ = 0;
  int64_t file_bytes_done_ = 0;
};

}  // namespace

std::string_view VenueFormatName(VenueFormat format) {
  switch (format) {
    case VenueFormat::kPaperCopilot:
      return "Paper Copilot JSON";
    case VenueFormat::kAclAnthology:
      return "ACL Anthology XML";
    case VenueFormat::kPmlrBib:
      return "PMLR BibTeX";
    case VenueFormat::kOpenReview:
      return "OpenReview API JSON";
    case VenueFormat::kOjsOai:
      return "OJS OAI-PMH oai_dc";
  }
  return "?";
}

Result<VenueFormat> DetectVenueFormat(const std::filesystem::path& path) {
  std::error_code error;
  if (!std::filesystem::exists(path, error)) {
    return Fail(ErrorCode::kNotFound, "no such file: \"" + path.string() + "\"");
  }
  const std::string extension = path.extension().string();
  if (extension == ".bib") return VenueFormat::kPmlrBib;
  if (extension != ".json" && extension != ".xml") {
    return Fail(ErrorCode::kInvalidArgument,
                "cannot tell the format of " + QuoteForMessage(path.string()) +
                    ": expected a .json (Paper Copilot, OpenReview), .xml (ACL Anthology) or "
                    ".bib (PMLR) file");
  }
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) return Fail(ErrorCode::kUnavailable, "cannot read \"" + path.string() + "\"");
  std::string head(kSniffBytes, '\0');
  head.resize(std::fread(head.data(), 1, head.size(), file));
  std::fclose(file);
  if (extension == ".xml") {
    return head.find("<OAI-PMH") != std::string::npos ? VenueFormat::kOjsOai
                                                      : VenueFormat::kAclAnthology;
  }
  const size_t first = head.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  if (first != std::string::npos && head[first] == '{') return VenueFormat::kOpenReview;
  if (first != std::string::npos && head[first] == '[') {
    // An array of OpenReview notes has a "content" object in its first record.
    const size_t record_end = head.find("\n }", first);
    const std::string_view record = std::string_view(head).substr(first, record_end - first);
    return record.find("\"content\"") != std::string_view::npos ? VenueFormat::kOpenReview
                                                                 : VenueFormat::kPaperCopilot;
  }
  return Fail(ErrorCode::kInvalidArgument, "cannot read " + QuoteForMessage(path.string()) +
                                               ": expected a JSON array or object");
}

Result<void> ReadVenueFile(const std::filesystem::path& path, VenueFormat format,
                           const VenueFileOptions& options, VenueRecordSink& sink) {
  switch (format) {
    case VenueFormat::kPaperCopilot:
      return ReadPaperCopilotFile(path, options, sink);
    case VenueFormat::kAclAnthology:
      return ReadAclAnthologyFile(path, sink);
    case VenueFormat::kPmlrBib:
      return ReadPmlrBibFile(path, sink);
    case VenueFormat::kOpenReview:
      return ReadOpenReviewFile(path, sink);
    case VenueFormat::kOjsOai:
      return ReadOjsOaiFile(path, options, sink);
  }
  return Fail(ErrorCode::kInternal, "unknown venue format");
}

Result<VenueImportSummary> ImportVenueFiles(store::VenueStore& store,
                                            std::span<const std::filesystem::path> files,
                                            ImportObserver& observer,
                                            const VenueImportOptions& options) {
  VenueImportSummary summary;
  std::vector<VenueFormat> formats;
  std::vector<int64_t> sizes;
  for (const std::filesystem::path& path : files) {
    Result<VenueFormat> format = DetectVenueFormat(path);
    if (!format) return std::unexpected(format.error());
    // A list that does not say its edition would stop the import halfway: say so now.
    if (*format == VenueFormat::kPaperCopilot && !options.file.edition) {
      if (auto edition = EditionOfPaperCopilotFile(path); !edition) {
        return std::unexpected(edition.error());
      }
    }
    formats.push_back(*format);
    std::error_code error;
    const auto size = std::filesystem::file_size(path, error);
    sizes.push_back(error ? 0 : static_cast<int64_t>(size));
    summary.counts.bytes_total += sizes.back();
  }
  summary.counts.files_total = static_cast<int>(files.size());

  VenueStoreWriter writer(store);
  BatchingSink sink(writer, observer, summary, std::max<size_t>(options.batch_size, 1));
  for (size_t i = 0; i < files.size(); ++i) {
    sink.StartFile(files[i]);
    Result<void> read = ReadVenueFile(files[i], formats[i], options.file, sink);
    if (read) read = sink.Flush();
    if (!read) {
      // A store error stopped the reader: report it rather than the reader's echo of it.
      auto written = writer.Finish();
      return std::unexpected(written ? read.error() : written.error());
    }
    sink.EndFile(sizes[i]);
    ++summary.counts.files_done;
  }
  auto written = writer.Finish();
  if (!written) return std::unexpected(written.error());
  summary.written = *written;
  summary.counts.bytes_done = summary.counts.bytes_total;
  observer.OnProgress(summary.counts);
  auto linked = store.LinkArxivByTitle();
  if (!linked) return std::unexpected(linked.error());
  summary.arxiv_links = *linked;
  return summary;
}

}  // namespace coolpapers::ingest
