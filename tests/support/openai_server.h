// A loopback server that speaks the OpenAI Chat Completions API with streaming, as Moonshot,
// OpenAI and llama.cpp's server do: POST /v1/chat/completions answered with chunked
// server-sent events in the real shape, scripted answers, faults on demand (error statuses,
// stalls, cut connections) and a record of every request, so the LLM client is tested against
// a real socket. A stream is the role chunk, one chunk per delta, the finish_reason "stop"
// chunk, then (when the request asked for include_usage) a usage chunk with empty choices,
// prompt_tokens the bytes of the messages' contents and completion_tokens the number of deltas,
// and "data: [DONE]". A request not in that shape ("stream" not true, say) gets 400.
#ifndef COOLPAPERS_TESTS_SUPPORT_OPENAI_SERVER_H_
#define COOLPAPERS_TESTS_SUPPORT_OPENAI_SERVER_H_

#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tests/support/loopback_listener.h"

namespace coolpapers::testing {

// One misbehaviour, used up by the next request (faults are served in the order added).
struct OpenAiFault {
  enum class Kind {
    kStatus,  // answer `status` with {"error":{"message","type"}} and Retry-After when not empty
    kStall,   // send `after_pieces` deltas of the answer, go quiet for `stall`, then finish
    kCut,     // send `after_pieces` deltas of the answer, then close the connection: no [DONE]
  };
  // kStall and kCut: an answer with fewer deltas strikes before its final chunk.
  Kind kind = Kind::kStatus;
  int status = 500;
  std::string retry_after;  // "1": seconds, as OpenAI sends it with 429
  std::string message = "The server had an error while processing your request.";
  std::string type = "server_error";
  std::chrono::milliseconds stall{0};
  int after_pieces = 1;
};

struct OpenAiServerOptions {
  // Each answer goes out in deltas of this many bytes (a UTF-8 character is never split).
  size_t piece_bytes = 4;
  std::chrono::milliseconds piece_delay{0};  // a pause before each delta
  std::string model;  // the model the chunks name; empty: the request's own "model"
};

struct RecordedChatRequest {
  std::string target;         // "/v1/chat/completions"
  nlohmann::json body;        // discarded (is_discarded()) when the body was not JSON
  std::string authorization;  // the Authorization header as sent; "" when absent
  std::chrono::steady_clock::time_point arrived;
};

class OpenAiServer {
 public:
  // Answers a function of the request's JSON body: the whole answer text.
  using Answerer = std::function<std::string(const nlohmann::json& request)>;

  // Listens on 127.0.0.1 on a free port and serves until destroyed; the destructor cuts short
  // any stall or delay, so it returns promptly. Throws std::runtime_error when it cannot listen.
  explicit OpenAiServer(OpenAiServerOptions options = {});
  ~OpenAiServer();
  OpenAiServer(const OpenAiServer&) = delete;
  OpenAiServer& operator=(const OpenAiServer&) = delete;

  // "http://127.0.0.1:<port>/v1", what LlmOptions::base_url wants.
  std::string BaseUrl() const;

  // The answer to the next request; queued answers go first, then the answerer's, else "OK".
  // Every method is thread-safe.
  void QueueAnswer(std::string answer);
  void SetAnswerer(Answerer answerer);
  // Queues `count` copies of `fault` for the next requests.
  void AddFault(OpenAiFault fault, int count = 1);

  // Every request received, in arrival order (errors and faults included).
  std::vector<RecordedChatRequest> Requests() const;
  // The most streams that were being sent at once.
  int MaxConcurrentStreams() const;

  // How the answer is cut into deltas, for tests that count them: pieces of `piece_bytes`
  // bytes, each extended to the end of a UTF-8 character.
  static std::vector<std::string> SplitAnswer(const std::string& answer, size_t piece_bytes);

 private:
  void Serve(boost::asio::ip::tcp::socket& socket);
  void StreamAnswer(boost::asio::ip::tcp::socket& socket, const nlohmann::json& request,
                    const std::string& answer, const OpenAiFault* fault);
  // Sleeps `delay` unless the server is being destroyed; false when it is.
  bool Pause(std::chrono::milliseconds delay);
  void StreamEnded();

  const OpenAiServerOptions options_;
  mutable std::mutex mutex_;
  std::condition_variable stopping_changed_;
  bool stopping_ = false;                      // Guarded by mutex_.
  std::deque<std::string> answers_;            // Guarded by mutex_.
  Answerer answerer_;                          // Guarded by mutex_.
  std::deque<OpenAiFault> faults_;             // Guarded by mutex_.
  std::vector<RecordedChatRequest> requests_;  // Guarded by mutex_.
  int active_streams_ = 0;                     // Guarded by mutex_.
  int max_active_streams_ = 0;                 // Guarded by mutex_.
  // Last, so its connection threads are joined before what they use is gone.
  std::unique_ptr<LoopbackListener> listener_;
};

}  // namespace coolpapers::testing

#endif  // COOLPAPERS_TESTS_SUPPORT_OPENAI_SERVER_H_
