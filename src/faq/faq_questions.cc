#include "faq/faq_questions.h"
#include "core/toml_file.h"

#include <set>
#include <system_error>
#include <utility>

namespace coolpapers::faq {
namespace {

// The English and Chinese prompts are written separately, each in its own idiom, because the
// two FAQs are independent generations (reference §3.3), not translations of each other.
FaqPrompts MakeEnglishDefaults() {
  FaqPrompts prompts;
  prompts.system =
      "You are an academic assistant. A researcher who is deciding whether to read a paper asks "
      "you one question about it.\n"
      "- Answer from the paper's text given in the user message only. Add nothing from outside "
      "it; if the paper does not answer the question, say so in one sentence.\n"
      "- Write in English and in Markdown: short paragraphs or a bullet list, **bold** for the "
      "few key terms. No first person, no HTML tags, no links.\n"
      "- Write mathematics in TeX: inline between $...$, displayed between $$...$$.\n"
      "- The text is divided into pages by lines of the form \"[page N]\". After each claim you "
      "draw from the paper, put the page it comes from as \"[page N]\" (\"[pages N, M]\" when "
      "it spans pages), using only page numbers that appear in those lines. Never invent a "
      "page.\n"
      "- Do not repeat the question; start with the answer.";
  prompts.user_template =
      "Title: {title}\n"
      "\n"
      "The full text of the paper follows. Each \"[page N]\" line begins the text of page N.\n"
      "\n"
      "=== paper ===\n"
      "{paper}\n"
      "=== end of paper ===\n"
      "\n"
      "Question: {question}";
  prompts.questions = {
      {"problem", "What problem does this paper try to solve?"},
      {"related_work", "What related work is there?"},
      {"method", "How does the paper solve the problem?"},
      {"experiments", "What experiments does the paper run?"},
      {"further_work", "What could be explored further?"},
      {"summary", "Summarize the main content of the paper."},
  };
  prompts.closing =
      "These answers were generated automatically from the text of the paper and may be wrong "
      "or incomplete. Check the cited pages before relying on a claim, and read the paper "
      "itself for anything that matters.";
  return prompts;
}

FaqPrompts MakeChineseDefaults() {
  FaqPrompts prompts;
  prompts.system =
      "你是一名学术助理。一位研究者正在判断是否值得细读一篇论文，他会就这篇论文向你提一个问题。\n"
      "- 只依据用户消息中给出的论文正文作答，不要补充正文以外的信息；如果论文没有涉及这个问题，"
      "用一句话直接说明。\n"
      "- 用中文回答，使用 Markdown：分点列出或写成简短的段落，关键术语可以**加粗**。"
      "不要使用第一人称，不要输出 HTML 标签或链接。\n"
      "- 数学公式用 TeX 书写：行内公式放在 $...$ 中，独立成行的公式放在 $$...$$ 中。\n"
      "- 正文以“[page N]”这样的行分页。凡是取自论文的陈述，都在该句之后标注出处页码，"
      "写作“[page N]”（跨页时写“[pages N, M]”），页码只能取自这些“[page N]”行，不得编造。"
      "标注页码的句子请保留论文中的关键术语、模型名称或数字（可直接使用英文原文），"
      "方便读者回到原文核对。\n"
      "- 不要复述问题，直接回答。";
  prompts.user_template =
      "论文标题：{title}\n"
      "\n"
      "以下是论文全文，每个“[page N]”行表示第 N 页正文的开始。\n"
      "\n"
      "=== 论文正文 ===\n"
      "{paper}\n"
      "=== 正文结束 ===\n"
      "\n"
      "问题：{question}";
  // The wording papers.cool serves (reference §3.1).
  prompts.questions = {
      {"problem", "这篇论文试图解决什么问题？"},
      {"related_work", "有哪些相关研究？"},
      {"method", "论文如何解决这个问题？"},
      {"experiments", "论文做了哪些实验？"},
      {"further_work", "有什么可以进一步探索的点？"},
      {"summary", "总结一下论文的主要内容"},
  };
  prompts.closing =
      "以上回答根据论文正文自动生成，仅供快速了解论文之用，可能有错误或遗漏。"
      "引用其中的结论前，请对照所标页码核对原文；想深入了解，请阅读论文全文。";
  return prompts;
}

// Reads one language's table ([en] or [zh]) over `prompts`, which holds the defaults; names
// every problem by file, line and dotted key.
class PromptsReader {
 public:
  PromptsReader(std::string file, std::string language)
      : file_(std::move(file)), language_(std::move(language)) {}

  Result<void> Read(const toml::table& table, FaqPrompts& prompts) const {
    for (const auto& [key, node] : table) {
      const std::string name(key.str());
      Result<void> read;
      if (name == "system") {
        read = ReadString(node, name, prompts.system);
      } else if (name == "user_template") {
        read = ReadString(node, name, prompts.user_template);
      } else if (name == "closing") {
        read = ReadString(node, name, prompts.closing);
      } else if (name == "questions") {
        read = ReadQuestions(node, prompts.questions);
      } else {
        read = Problem(node, name,
                       "unknown key (expected system, user_template, closing or questions; "
                       "docs/faq.md)");
      }
      if (!read) return read;
    }
    for (std::string_view placeholder : {"{paper}", "{question}"}) {
      if (prompts.user_template.find(placeholder) == std::string::npos) {
        const toml::node* node = table.get("user_template");
        return Fail(ErrorCode::kInvalidArgument,
                    file_ + ":" + (node != nullptr ? LineOf(*node) : std::string("1")) + ": " +
                        language_ + ".user_template: expected a template containing \"" +
                        std::string(placeholder) + "\"");
      }
    }
    return {};
  }

 private:
  Result<void> ReadString(const toml::node& node, const std::string& key, std::string& out) const {
    const auto* value = node.as_string();
    if (value == nullptr) return Problem(node, key, "expected a string");
    if (value->get().empty()) return Problem(node, key, "expected a non-empty string");
    out = value->get();
    return {};
  }

  Result<void> ReadQuestions(const toml::node& node, std::vector<FaqQuestion>& out) const {
    const auto* array = node.as_array();
    if (array == nullptr || array->empty()) {
      return Problem(node, "questions", "expected one or more [[" + language_ + ".questions]]");
    }
    std::vector<FaqQuestion> questions;
    std::set<std::string> ids;
    for (size_t i = 0; i < array->size(); ++i) {
      const toml::node& item = *array->get(i);
      const std::string key = "questions[" + std::to_string(i + 1) + "]";
      const auto* table = item.as_table();
      if (table == nullptr) return Problem(item, key, "expected a table with id and question");
      FaqQuestion question;
      for (const auto& [field, value] : *table) {
        const std::string name(field.str());
        Result<void> read;
        if (name == "id") {
          read = ReadString(value, key + ".id", question.id);
        } else if (name == "question") {
          read = ReadString(value, key + ".question", question.question);
        } else {
          read = Problem(value, key + "." + name, "unknown key (expected id or question)");
        }
        if (!read) return read;
      }
      if (question.id.empty()) return Problem(item, key, "missing id (\"problem\", ...)");
      if (question.question.empty()) return Problem(item, key, "missing question text");
      if (!ids.insert(question.id).second) {
        return Problem(item, key + ".id", "duplicate id \"" + question.id + "\"");
      }
      questions.push_back(std::move(question));
    }
    out = std::move(questions);
    return {};
  }

  std::unexpected<Error> Problem(const toml::node& node, const std::string& key,
                                 const std::string& what) const {
    return Fail(ErrorCode::kInvalidArgument,
                file_ + ":" + LineOf(node) + ": " + language_ + "." + key + ": " + what);
  }

  std::string file_;
  std::string language_;
};

}  // namespace

const FaqQuestionSet& DefaultFaqQuestions() {
  static const FaqQuestionSet defaults{MakeEnglishDefaults(), MakeChineseDefaults()};
  return defaults;
}

Result<FaqQuestionSet> LoadFaqQuestions(const std::filesystem::path& path) {
  const std::string name = path.string();
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    return Fail(ErrorCode::kNotFound, "FAQ questions file " + name + " not found",
                ec ? ec.message() : std::string());
  }
  Result<toml::table> parsed = ParseTomlFile(name);
  if (!parsed) return std::unexpected(parsed.error());
  const toml::table& root = *parsed;
  FaqQuestionSet set = DefaultFaqQuestions();
  for (const auto& [key, node] : root) {
    const std::string language(key.str());
    FaqPrompts* prompts = language == "en"   ? &set.english
                          : language == "zh" ? &set.chinese
                                             : nullptr;
    if (prompts == nullptr) {
      return Fail(ErrorCode::kInvalidArgument,
                  name + ":" + LineOf(node) + ": " + language +
                      ": unknown key (expected the tables [en] and [zh]; docs/faq.md)");
    }
    const auto* table = node.as_table();
    if (table == nullptr) {
      return Fail(ErrorCode::kInvalidArgument,
                  name + ":" + LineOf(node) + ": " + language + ": expected a table [" +
                      language + "]");
    }
    Result<void> read = PromptsReader(name, language).Read(*table, *prompts);
    if (!read) return std::unexpected(read.error());
  }
  return set;
}

std::string RenderUserPrompt(const FaqPrompts& prompts, std::string_view title,
                             std::string_view paper_text, const FaqQuestion& question) {
  // One pass over the template, so a "{question}" inside the paper's text stays as it is.
  const std::string_view tmpl = prompts.user_template;
  std::string out;
  out.reserve(tmpl.size() + title.size() + paper_text.size() + question.question.size());
  const std::pair<std::string_view, std::string_view> values[] = {
      {"{title}", title}, {"{paper}", paper_text}, {"{question}", question.question}};
  size_t i = 0;
  while (i < tmpl.size()) {
    bool replaced = false;
    if (tmpl[i] == '{') {
      for (const auto& [placeholder, value] : values) {
        if (tmpl.substr(i).starts_with(placeholder)) {
          out += value;
          i += placeholder.size();
          replaced = true;
          break;
        }
      }
    }
    if (!replaced) out += tmpl[i++];
  }
  return out;
}

}  // namespace coolpapers::faq
