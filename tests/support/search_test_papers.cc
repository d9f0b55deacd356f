#include "tests/support/search_test_papers.h"

#include "search/searcher.h"

namespace coolpapers::search {
namespace {

Paper MakePaper(std::string id, std::string title, std::vector<std::string> authors,
                std::string abstract, std::vector<std::string> categories, Date day) {
  Paper paper;
  paper.id = std::move(id);
  paper.version = 1;
  paper.title = std::move(title);
  paper.authors = std::move(authors);
  paper.abstract = std::move(abstract);
  paper.categories = std::move(categories);
  paper.first_listed = day;
  return paper;
}

}  // namespace

std::vector<Paper> SearchTestPapers() {
  return {
      MakePaper("2503.00001", "Gemma 3 Technical Report", {"Gemma Team", "Alice Smith"},
                "We introduce Gemma 3, a multimodal addition to the Gemma family of lightweight "
                "open models.",
                {"cs.CL", "cs.AI"}, Date::FromYmd(2025, 3, 26)),
      MakePaper("2503.00002", "Images of Neural Networks", {"Bob Jones"},
                "We study how an image classifier sees the world through convolutional layers.",
                {"cs.CV"}, Date::FromYmd(2025, 3, 10)),
      MakePaper("2504.00003", "Schrödinger Bridges for Generative Modelling", {"Jürgen Müller"},
                "A diffusion approach based on the Schrödinger bridge problem.",
                {"cs.LG", "stat.ML"}, Date::FromYmd(2025, 4, 2)),
      MakePaper("2504.00004", "Large Language Model Agents", {"Carol White", "Dan Brown"},
                "A survey of large language model agents and their planning abilities.", {"cs.AI"},
                Date::FromYmd(2025, 4, 15)),
      MakePaper("2505.00005", "Model Compression for Language Tasks", {"Erin Black"},
                "Language matters: we compress a large model and evaluate it on language tasks.",
                {"cs.CL"}, Date::FromYmd(2025, 5, 7)),
      MakePaper("2505.00006", "Control of Power Systems", {"Frank Green"},
                "Robust control for power grids with renewable generation.", {"eess.SY"},
                Date::FromYmd(2025, 5, 20)),
      MakePaper("2505.00007", "Qwen3 Technical Report", {"Qwen Team"},
                "Qwen3 is the latest generation of the Qwen model family.", {"cs.CL"},
                Date::FromYmd(2025, 5, 14)),
      MakePaper("2506.00008", "Reinforcement Learning for Robot Grasping", {"Grace Hopper"},
                "Robots learn to grasp objects with reinforcement learning from pixels.",
                {"cs.RO", "cs.LG"}, Date::FromYmd(2025, 6, 3)),
      MakePaper("2506.00009", "A Benchmark for Vision Transformers", {"Alice Smith", "Hugo Grey"},
                "We propose a benchmark that evaluates vision transformers on robustness.",
                {"cs.CV", "cs.LG"}, Date::FromYmd(2025, 6, 30)),
      MakePaper("2506.00010", "Transformers Without Attention", {"Ivan Petrov"},
                "Replacing attention in transformers with state space layers.", {"cs.LG"},
                Date::FromYmd(2025, 6, 12)),
      MakePaper("2507.00011", "Smith Normal Forms of Integer Matrices", {"John Doe"},
                "An algorithm for the Smith normal form with proofs of correctness.", {"cs.SC"},
                Date::FromYmd(2025, 7, 1)),
      MakePaper("2507.00012", "Speech Recognition at Scale", {"Smith John", "Jane Roe"},
                "Training speech recognition models on a million hours of audio.",
                {"eess.AS", "cs.CL"}, Date::FromYmd(2025, 7, 9)),
  };
}

std::vector<std::string> SearchIds(const std::filesystem::path& index_dir, const std::string& text,
                                   int limit) {
  Result<std::unique_ptr<Searcher>> searcher = Searcher::Open(index_dir);
  if (!searcher) return {"error: " + searcher.error().message};
  Result<SearchResults> results = (*searcher)->Search({.text = text, .limit = limit});
  if (!results) return {"error: " + results.error().message};
  std::vector<std::string> ids;
  for (const SearchHit& hit : results->hits) ids.push_back(hit.paper_id);
  return ids;
}

}  // namespace coolpapers::search
