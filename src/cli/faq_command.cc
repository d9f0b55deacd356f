#include "cli/faq_command.h"

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "cli/config_file.h"
#include "cli/faq_setup.h"
#include "cli/instance.h"
#include "cli/print_error.h"
#include "core/arxiv_id.h"
#include "core/faq_answer.h"
#include "faq/faq_generator.h"

namespace coolpapers::cli {
namespace {

void PrintQuestion(size_t index, const std::string& question) {
  std::printf("\n## %zu. %s\n\n", index + 1, question.c_str());
}

void PrintFooter(const FaqAnswer& answer) {
  int64_t prompt_tokens = 0;
  int64_t completion_tokens = 0;
  for (const FaqItem& item : answer.items) {
    prompt_tokens += item.prompt_tokens;
    completion_tokens += item.completion_tokens;
  }
  std::printf("\n---\n%s\n", answer.closing.c_str());
  std::fprintf(stderr,
               "coolpapers: FAQ of %sv%d (%s) by %s%s; %lld prompt and %lld answer tokens\n",
               answer.paper_id.c_str(), answer.version,
               std::string(FaqLanguageCode(answer.language)).c_str(), answer.model.c_str(),
               answer.extractive ? " (extractive: the paper's own sentences)" : "",
               static_cast<long long>(prompt_tokens), static_cast<long long>(completion_tokens));
}

void PrintStoredAnswer(const FaqAnswer& answer) {
  for (size_t i = 0; i < answer.items.size(); ++i) {
    PrintQuestion(i, answer.items[i].question);
    std::printf("%s\n", answer.items[i].answer.c_str());
  }
  PrintFooter(answer);
}

}  // namespace

int RunFaqCommand(const FaqCommandOptions& options) {
  Result<ArxivId> id = ArxivId::Parse(options.id);
  if (!id) {
    PrintError(id.error());
    return 2;
  }
  const std::optional<FaqLanguage> language = ParseFaqLanguage(options.lang);
  if (!language) {
    std::fprintf(stderr, "coolpapers: invalid --lang \"%s\": expected en or zh\n",
                 options.lang.c_str());
    return 2;
  }
  Result<std::unique_ptr<Instance>> opened =
      LoadAndOpenInstance(options.data_dir, options.config_file, options.store);
  if (!opened) {
    PrintError(opened.error());
    return 1;
  }
  Instance& instance = **opened;

  const std::vector<std::string> ids = {id->str()};
  Result<std::vector<Paper>> papers = instance.store->PapersByIds(ids);
  if (!papers) {
    PrintError(papers.error());
    return 1;
  }
  if (papers->empty()) {
    std::fprintf(stderr,
                 "coolpapers: paper %s is not in the store: import or harvest it first, or open "
                 "/arxiv/%s on the running site\n",
                 id->str().c_str(), id->str().c_str());
    return 1;
  }
  const Paper& paper = papers->front();
  const int version = id->version() > 0 ? id->version() : std::max(paper.version, 1);

  Result<PdfParts> pdf = OpenPdfParts(instance);
  if (!pdf) {
    PrintError(pdf.error());
    return 1;
  }
  Result<FaqParts> parts = OpenFaqParts(instance, *pdf->fetcher);
  if (!parts) {
    PrintError(parts.error());
    return 1;
  }
  if (!options.fresh) {
    Result<std::optional<FaqAnswer>> stored =
        parts->store->LoadAnswer(paper.id, *language, version);
    if (!stored) {
      PrintError(stored.error());
      return 1;
    }
    if (*stored) {
      PrintStoredAnswer(**stored);
      return 0;
    }
  }

  std::printf("# %s\n", paper.title.c_str());
  const faq::FaqPrompts& prompts = parts->generator.questions.For(*language);
  // The streamed text is the model's; the stored item is that text with its page marks
  // checked, so an item's dropped marks are reported when it is done.
  std::vector<bool> streamed(prompts.questions.size(), false);
  faq::FaqProgress progress;
  progress.on_question = [&](int index, int) {
    PrintQuestion(static_cast<size_t>(index), prompts.questions[static_cast<size_t>(index)].question);
    std::fflush(stdout);
  };
  progress.on_delta = [&](int index, std::string_view delta) {
    streamed[static_cast<size_t>(index)] = true;
    std::fwrite(delta.data(), 1, delta.size(), stdout);
    std::fflush(stdout);
  };
  progress.on_item_done = [&](int index, const FaqItem& item) {
    if (!streamed[static_cast<size_t>(index)]) std::printf("%s", item.answer.c_str());
    std::printf("\n");
    std::fflush(stdout);
  };
  faq::FaqGeneration what;
  what.id = ArxivId::Parse(paper.id + "v" + std::to_string(version)).value();
  what.title = paper.title;
  what.abstract = paper.abstract;
  what.language = *language;
  Result<FaqAnswer> answer = faq::GenerateFaq(what, parts->generator, *parts->store, progress);
  if (!answer) {
    PrintError(answer.error());
    return 1;
  }
  PrintFooter(*answer);
  return 0;
}

}  // namespace coolpapers::cli
