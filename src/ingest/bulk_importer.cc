#include "ingest/bulk_importer.h"

#include <algorithm>
#include <deque>
#include <future>
#include <thread>
#include <utility>

#include "ingest/jsonl_reader.h"
#include "ingest/line_batch.h"

namespace coolpapers::ingest {
namespace {

bool IsBlank(std::string_view line) {
  return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

void Add(store::WriteSummary& total, const store::WriteSummary& batch) {
  total.papers_inserted += batch.papers_inserted;
  total.papers_updated += batch.papers_updated;
  total.papers_unchanged += batch.papers_unchanged;
  total.listings_written += batch.listings_written;
}

// Keeps batches in file order from reading to writing while workers parse them: at most
// `depth` batches are in flight, so memory stays bounded whatever the file size.
class OrderedPipeline {
 public:
  OrderedPipeline(store::Store& store, ImportObserver& observer, ImportCounts& counts,
                  size_t depth)
      : store_(store), observer_(observer), counts_(counts), depth_(depth) {}

  // Starts parsing a batch; first writes the oldest one when the pipeline is full.
  Result<void> Push(LineBatch batch) {
    if (in_flight_.size() >= depth_) {
      auto written = WriteOldest();
      if (!written) return written;
    }
    in_flight_.push_back(std::async(std::launch::async, [batch = std::move(batch)] {
      return ParseLineBatch(batch);
    }));
    return {};
  }

  Result<void> Drain() {
    while (!in_flight_.empty()) {
      auto written = WriteOldest();
      if (!written) return written;
    }
    return {};
  }

 private:
  Result<void> WriteOldest() {
    ParsedBatch parsed = in_flight_.front().get();
    in_flight_.pop_front();
    for (const MalformedLine& line : parsed.malformed) {
      ++counts_.skipped_lines;
      observer_.OnMalformedLine(line);
    }
    if (!parsed.records.empty()) {
      auto written = store_.WriteRecords(parsed.records);
      if (!written) return std::unexpected(std::move(written.error()));
      Add(counts_.written, *written);
      counts_.records += static_cast<int64_t>(parsed.records.size());
    }
    counts_.bytes_done = parsed.bytes_done;
    if (parsed.ends_file) ++counts_.files_done;
    observer_.OnProgress(counts_);
    return {};
  }

  store::Store& store_;
  ImportObserver& observer_;
  ImportCounts& counts_;
  const size_t depth_;
  // Destroying a std::async future waits for its worker, so an early return never leaves a
  // thread running behind.
  std::deque<std::future<ParsedBatch>> in_flight_;
};

// Reads one file into batches of `batch_size` lines and pushes them down the pipeline.
Result<void> ReadFile(JsonlReader& reader, int64_t bytes_before, size_t batch_size,
                      OrderedPipeline& pipeline) {
  LineBatch batch(reader.path());
  for (;;) {
    auto line = reader.NextLine();
    if (!line) return std::unexpected(std::move(line.error()));
    if (!*line) break;
    if (IsBlank(**line)) continue;
    batch.Add(**line, reader.line_number());
    if (batch.lines.size() >= batch_size) {
      batch.bytes_done = bytes_before + reader.bytes_consumed();
      auto pushed = pipeline.Push(std::exchange(batch, LineBatch(reader.path())));
      if (!pushed) return pushed;
    }
  }
  batch.bytes_done = bytes_before + reader.bytes_consumed();
  batch.ends_file = true;
  return pipeline.Push(std::move(batch));
}

}  // namespace

Result<ImportCounts> ImportFiles(store::Store& store, std::span<const std::filesystem::path> files,
                                 ImportObserver& observer, const BulkImportOptions& options) {
  ImportCounts counts;
  counts.files_total = static_cast<int>(files.size());
  // Open every file up front: a typo in the last name should fail before minutes of work.
  std::vector<int64_t> sizes;
  for (const std::filesystem::path& file : files) {
    auto reader = JsonlReader::Open(file);
    if (!reader) return std::unexpected(std::move(reader.error()));
    sizes.push_back(reader->size_bytes());
    counts.bytes_total += reader->size_bytes();
  }
  observer.OnProgress(counts);

  const size_t workers = options.parse_threads > 0
                             ? static_cast<size_t>(options.parse_threads)
                             : std::max(1u, std::thread::hardware_concurrency());
  OrderedPipeline pipeline(store, observer, counts, workers);
  int64_t bytes_before = 0;
  for (size_t i = 0; i < files.size(); ++i) {
    auto reader = JsonlReader::Open(files[i]);
    if (!reader) return std::unexpected(std::move(reader.error()));
    auto read = ReadFile(*reader, bytes_before, std::max<size_t>(1, options.batch_size), pipeline);
    if (!read) return std::unexpected(std::move(read.error()));
    bytes_before += sizes[i];
  }
  auto drained = pipeline.Drain();
  if (!drained) return std::unexpected(std::move(drained.error()));
  return counts;
}

}  // namespace coolpapers::ingest
