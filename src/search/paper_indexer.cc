#include "search/paper_indexer.h"

#include <xapian.h>

#include <algorithm>
#include <mutex>
#include <string>
#include <system_error>
#include <utility>

#include "search/ascii_fold.h"
#include "search/index_layout.h"
#include "search/term_prefixes.h"
#include "search/xapian_error.h"

namespace coolpapers::search {
namespace {

// Title words count this many times per occurrence, so a query word in the title outranks
// the same word in the abstract (issue 6: "BM25 ranking with a title boost").
constexpr Xapian::termcount kTitleWdfInc = 3;

// Indexes `text` under `prefix`, and its ASCII-folded form too when that differs, so that
// "Schrodinger" finds "Schrödinger". The position gap keeps phrases from spanning the two.
void IndexText(Xapian::TermGenerator& generator, const std::string& text, Xapian::termcount wdf_inc,
               const std::string& prefix) {
  generator.index_text(text, wdf_inc, prefix);
  generator.increase_termpos();
  const std::string folded = FoldToAscii(text);
  if (folded != text) {
    generator.index_text(folded, wdf_inc, prefix);
    generator.increase_termpos();
  }
}

// The day as "YYYYMMDD", the form of the day slot and the XD term.
std::string CompactDay(const Date& day) {
  std::string iso = day.ToIso();
  std::erase(iso, '-');
  return iso;
}

Xapian::Document MakeDocument(const Paper& paper, Xapian::TermGenerator& generator) {
  Xapian::Document document;
  generator.set_document(document);
  // Free text (no prefix) is what plain query words search: title, abstract and authors.
  IndexText(generator, paper.title, kTitleWdfInc, "");
  IndexText(generator, paper.title, 1, std::string(kTitlePrefix));
  IndexText(generator, paper.abstract, 1, "");
  IndexText(generator, paper.abstract, 1, std::string(kAbstractPrefix));
  for (const std::string& author : paper.authors) {
    // One name at a time with a gap after it, so author:"Jane Doe" matches a name, not the end
    // of one author and the start of the next.
    IndexText(generator, author, 1, std::string(kAuthorPrefix));
    IndexText(generator, author, 1, "");
  }
  for (const std::string& category : paper.categories) {
    document.add_boolean_term(std::string(kCategoryPrefix) + category);
  }
  if (paper.first_listed) {
    const std::string day = CompactDay(*paper.first_listed);
    document.add_boolean_term(std::string(kDayPrefix) + day);
    document.add_value(kDaySlot, day);
  }
  document.add_boolean_term(std::string(kBranchPrefix) + std::string(kArxivBranch));
  document.add_boolean_term(std::string(kIdPrefix) + paper.id);
  document.set_data(paper.id);
  return document;
}

Xapian::TermGenerator MakeTermGenerator() {
  Xapian::TermGenerator generator;
  generator.set_stemmer(Xapian::Stem("english"));
  // Stemmed terms carry a "Z" prefix and unstemmed ones are kept too, so an exact word match
  // outranks a match of its stem only.
  generator.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
  return generator;
}

// Glass keeps uncommitted changes in in-memory maps that grow slower per paper as they grow:
// one transaction of 8k real papers took 22 s, chunks of this size far less.
constexpr std::size_t kPapersPerCommit = 1000;

// Replaces-or-adds each paper, committing every kPapersPerCommit papers and at the end; readers
// see whole chunks. A failure leaves earlier chunks committed, which is harmless because
// indexing the batch again replaces them by id.
void WritePapers(Xapian::WritableDatabase& database, std::span<const Paper> papers) {
  Xapian::TermGenerator generator = MakeTermGenerator();
  for (std::size_t start = 0; start < papers.size(); start += kPapersPerCommit) {
    const std::span<const Paper> chunk =
        papers.subspan(start, std::min(kPapersPerCommit, papers.size() - start));
    database.begin_transaction();
    try {
      for (const Paper& paper : chunk) {
        if (paper.id.empty()) continue;
        database.replace_document(std::string(kIdPrefix) + paper.id,
                                  MakeDocument(paper, generator));
      }
      database.commit_transaction();
    } catch (const Xapian::Error&) {
      database.cancel_transaction();
      throw;  // The caller converts it; this frame only undoes the half-written chunk.
    }
  }
}

}  // namespace

struct PaperIndexer::Impl {
  std::filesystem::path index_dir;
  std::mutex mutex;
  int generation = 0;                 // Guarded by mutex.
  Xapian::WritableDatabase database;  // Guarded by mutex.
};

PaperIndexer::PaperIndexer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
PaperIndexer::~PaperIndexer() = default;

Result<std::unique_ptr<PaperIndexer>> PaperIndexer::Open(const std::filesystem::path& index_dir) {
  std::error_code ec;
  std::filesystem::create_directories(index_dir, ec);
  if (ec) {
    return Fail(ErrorCode::kUnavailable, "cannot create the search index folder",
                index_dir.string() + ": " + ec.message());
  }
  Result<int> generation = ReadCurrentGeneration(index_dir);
  if (!generation) return std::unexpected(generation.error());
  auto impl = std::make_unique<Impl>();
  impl->index_dir = index_dir;
  impl->generation = *generation == 0 ? 1 : *generation;
  try {
    // Taking the write lock first makes a second writer fail before it touches anything.
    impl->database = Xapian::WritableDatabase(GenerationPath(index_dir, impl->generation).string(),
                                              Xapian::DB_CREATE_OR_OPEN);
  } catch (const Xapian::Error& error) {
    return std::unexpected(FromXapianError(error, "open the search index for writing"));
  }
  if (*generation == 0) {
    if (Result<void> written = WriteCurrentGeneration(index_dir, impl->generation); !written) {
      return std::unexpected(written.error());
    }
  }
  if (Result<void> removed = RemoveOtherGenerations(index_dir, impl->generation); !removed) {
    return std::unexpected(removed.error());
  }
  return std::unique_ptr<PaperIndexer>(new PaperIndexer(std::move(impl)));
}

Result<void> PaperIndexer::Index(std::span<const Paper> papers) {
  std::lock_guard lock(impl_->mutex);
  try {
    WritePapers(impl_->database, papers);
  } catch (const Xapian::Error& error) {
    return std::unexpected(FromXapianError(error, "index papers"));
  }
  return {};
}

Result<int64_t> PaperIndexer::Rebuild(const PaperSource& source) {
  std::lock_guard lock(impl_->mutex);
  const int next_generation = impl_->generation + 1;
  const std::filesystem::path next_path = GenerationPath(impl_->index_dir, next_generation);
  int64_t indexed = 0;
  Result<void> built;
  Xapian::WritableDatabase next;
  try {
    next = Xapian::WritableDatabase(next_path.string(), Xapian::DB_CREATE_OR_OVERWRITE);
    built = source([&](std::span<const Paper> papers) -> Result<void> {
      try {
        WritePapers(next, papers);
      } catch (const Xapian::Error& error) {
        return std::unexpected(FromXapianError(error, "rebuild the search index"));
      }
      indexed += static_cast<int64_t>(papers.size());
      return {};
    });
    if (built) next.commit();
  } catch (const Xapian::Error& error) {
    built = std::unexpected(FromXapianError(error, "rebuild the search index"));
  }
  if (built) built = WriteCurrentGeneration(impl_->index_dir, next_generation);
  if (!built) {
    try {
      next.close();
    } catch (const Xapian::Error& error) {
      built.error().detail += "; then closing it: " + FromXapianError(error, "close").detail;
    }
    std::error_code ignored;  // Open() removes a leftover generation folder anyway.
    std::filesystem::remove_all(next_path, ignored);
    return std::unexpected(built.error());
  }
  impl_->database = std::move(next);
  impl_->generation = next_generation;
  if (Result<void> removed = RemoveOtherGenerations(impl_->index_dir, next_generation); !removed) {
    return std::unexpected(removed.error());
  }
  return indexed;
}

Result<int64_t> PaperIndexer::PaperCount() {
  std::lock_guard lock(impl_->mutex);
  try {
    return static_cast<int64_t>(impl_->database.get_doccount());
  } catch (const Xapian::Error& error) {
    return std::unexpected(FromXapianError(error, "count indexed papers"));
  }
}

}  // namespace coolpapers::search
