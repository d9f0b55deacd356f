// The FAQ's parts as the configuration asks for them, shared by `serve` and `coolpapers faq`:
// the PDF cache and its fetcher (through the polite client), the FAQ store, the questions and
// the model (none configured: extractive answers).
#ifndef COOLPAPERS_CLI_FAQ_SETUP_H_
#define COOLPAPERS_CLI_FAQ_SETUP_H_

#include <memory>

#include "cli/instance.h"
#include "core/error.h"
#include "faq/faq_generator.h"
#include "core/model_usage.h"
#include "llm/llm_client.h"
#include "pdf/pdf_cache.h"
#include "pdf/pdf_fetcher.h"
#include "store/faq_store.h"
#include "store/translation_store.h"

namespace coolpapers::cli {

struct PdfParts {
  std::unique_ptr<pdf::PdfCache> cache;
  std::unique_ptr<pdf::PdfFetcher> fetcher;  // uses `cache` and the instance's polite client
};

// Opens the PDF cache ([pdf] cache_dir under the data folder, cache_max_mb) and gives the PDF
// source's host arXiv's politeness. Errors: the cache folder's. The parts use `instance`, which
// must outlive them.
[[nodiscard]] Result<PdfParts> OpenPdfParts(Instance& instance);

struct FaqParts {
  std::unique_ptr<store::FaqStore> store;
  std::unique_ptr<llm::LlmClient> llm;  // null when no [llm] is configured
  faq::FaqGeneratorOptions generator;   // loads PDFs through the fetcher, asks `llm`
};

// Opens the FAQ store in the data folder, reads [faq] questions (a path relative to the data
// folder, or the built-in questions) and makes the [llm] client. Errors: the store's, the
// questions file's (naming file, line and key), a malformed [llm]. `pdfs` and `instance` must
// outlive the parts.
// With `usage`, the model client counts its calls and tokens there (llm/metered_llm_client.h).
[[nodiscard]] Result<FaqParts> OpenFaqParts(Instance& instance, pdf::PdfFetcher& pdfs,
                                            ModelUsage* usage = nullptr);

struct TranslationParts {
  std::unique_ptr<store::TranslationStore> store;  // both null when [translate] is off
  std::unique_ptr<llm::LlmClient> llm;             // the [llm] server, [translate] model
};

// Opens the translations' store and model when [translate] enabled is set ([llm] is then
// configured: the configuration file checks it). Errors: the store's, a malformed [llm].
[[nodiscard]] Result<TranslationParts> OpenTranslationParts(Instance& instance,
                                                            ModelUsage* usage = nullptr);

}  // namespace coolpapers::cli

#endif  // COOLPAPERS_CLI_FAQ_SETUP_H_
