#include "tests/support/openai_server.h"

#include <algorithm>
#include <atomic>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>
#include <optional>

namespace coolpapers::testing {

namespace asio = boost::asio;
namespace http = boost::beast::http;
using json = nlohmann::json;
using tcp = asio::ip::tcp;

namespace {

// A fixed "created", so recorded streams compare equal run to run.
constexpr int64_t kCreated = 1'700'000'000;

json ErrorBody(const std::string& message, const std::string& type) {
  return {{"error", {{"message", message}, {"type", type}, {"param", nullptr}, {"code", nullptr}}}};
}

// Closes once the client has read everything: shutting down our side and draining until the
// client closes keeps a close from resetting an answer still unread.
void CloseAfterClientReads(tcp::socket& socket) {
  boost::system::error_code ec;
  socket.shutdown(tcp::socket::shutdown_send, ec);
  char sink[256];
  while (!ec) socket.read_some(asio::buffer(sink), ec);
  socket.close(ec);
}

// A body this server can stream an answer to: what the real API would accept.
bool IsStreamableChatRequest(const json& body) {
  if (!body.is_object() || !body.contains("model") || !body["model"].is_string() ||
      !body.contains("messages") || !body["messages"].is_array() ||
      body.value("stream", false) != true)
    return false;
  if (body.contains("stream_options") && !body["stream_options"].is_object()) return false;
  return std::ranges::all_of(body["messages"], [](const json& message) {
    return message.is_object() && message.contains("content") && message["content"].is_string();
  });
}

void WriteJson(tcp::socket& socket, unsigned version, int status, const json& body,
               const std::string& retry_after = "") {
  http::response<http::string_body> response{static_cast<http::status>(status), version};
  response.set(http::field::content_type, "application/json");
  if (!retry_after.empty()) response.set(http::field::retry_after, retry_after);
  response.body() = body.dump();
  response.keep_alive(false);
  response.prepare_payload();
  boost::system::error_code ec;
  http::write(socket, response, ec);
  CloseAfterClientReads(socket);
}

}  // namespace

OpenAiServer::OpenAiServer(OpenAiServerOptions options)
    : options_(std::move(options)),
      listener_(std::make_unique<LoopbackListener>([this](tcp::socket& s) { Serve(s); })) {}

OpenAiServer::~OpenAiServer() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  stopping_changed_.notify_all();
  listener_.reset();
}

std::string OpenAiServer::BaseUrl() const {
  return "http://127.0.0.1:" + std::to_string(listener_->port()) + "/v1";
}

void OpenAiServer::QueueAnswer(std::string answer) {
  std::lock_guard lock(mutex_);
  answers_.push_back(std::move(answer));
}

void OpenAiServer::SetAnswerer(Answerer answerer) {
  std::lock_guard lock(mutex_);
  answerer_ = std::move(answerer);
}

void OpenAiServer::AddFault(OpenAiFault fault, int count) {
  std::lock_guard lock(mutex_);
  for (int i = 0; i < count; ++i) faults_.push_back(fault);
}

std::vector<RecordedChatRequest> OpenAiServer::Requests() const {
  std::lock_guard lock(mutex_);
  return requests_;
}

int OpenAiServer::MaxConcurrentStreams() const {
  std::lock_guard lock(mutex_);
  return max_active_streams_;
}

std::vector<std::string> OpenAiServer::SplitAnswer(const std::string& answer, size_t piece_bytes) {
  std::vector<std::string> pieces;
  for (size_t at = 0; at < answer.size();) {
    size_t end = std::min(at + std::max<size_t>(piece_bytes, 1), answer.size());
    while (end < answer.size() && (static_cast<unsigned char>(answer[end]) & 0xC0) == 0x80) ++end;
    pieces.push_back(answer.substr(at, end - at));
    at = end;
  }
  return pieces;
}

bool OpenAiServer::Pause(std::chrono::milliseconds delay) {
  std::unique_lock lock(mutex_);
  return !stopping_changed_.wait_for(lock, delay, [this] { return stopping_; });
}

void OpenAiServer::StreamEnded() {
  std::lock_guard lock(mutex_);
  --active_streams_;
}

// One request per connection (Connection: close), so every connection thread ends by itself.
void OpenAiServer::Serve(tcp::socket& socket) {
  boost::system::error_code ec;
  boost::beast::flat_buffer buffer;
  http::request<http::string_body> request;
  http::read(socket, buffer, request, ec);
  if (ec) return;

  RecordedChatRequest recorded{std::string(request.target()),
                               json::parse(request.body(), nullptr, /*allow_exceptions=*/false),
                               std::string(request[http::field::authorization]),
                               std::chrono::steady_clock::now()};
  std::optional<OpenAiFault> fault;
  {
    std::lock_guard lock(mutex_);
    requests_.push_back(recorded);
    if (!faults_.empty()) {
      fault = faults_.front();
      faults_.pop_front();
    }
  }
  const json& body = recorded.body;
  if (request.method() != http::verb::post || recorded.target != "/v1/chat/completions") {
    WriteJson(socket, request.version(), 404,
              ErrorBody("Unknown request URL: " + recorded.target, "invalid_request_error"));
    return;
  }
  if (fault && fault->kind == OpenAiFault::Kind::kStatus) {
    WriteJson(socket, request.version(), fault->status, ErrorBody(fault->message, fault->type),
              fault->retry_after);
    return;
  }
  if (!IsStreamableChatRequest(body)) {
    WriteJson(socket, request.version(), 400,
              ErrorBody("expected {\"model\", \"messages\": [{\"role\", \"content\"}], "
                        "\"stream\": true}: this test server only streams",
                        "invalid_request_error"));
    return;
  }
  std::string answer = "OK";
  {
    std::lock_guard lock(mutex_);
    if (!answers_.empty()) {
      answer = std::move(answers_.front());
      answers_.pop_front();
    } else if (answerer_) {
      answer = answerer_(body);
    }
    max_active_streams_ = std::max(max_active_streams_, ++active_streams_);
  }
  StreamAnswer(socket, body, answer, fault ? &*fault : nullptr);
}

void OpenAiServer::StreamAnswer(tcp::socket& socket, const json& request, const std::string& answer,
                                const OpenAiFault* fault) {
  boost::system::error_code ec;
  const std::string model =
      options_.model.empty() ? request["model"].get<std::string>() : options_.model;
  const bool include_usage = request.contains("stream_options") &&
                             request["stream_options"].value("include_usage", false) == true;
  const std::vector<std::string> pieces = SplitAnswer(answer, options_.piece_bytes);
  static std::atomic<int> next_id{1};
  const std::string id = "chatcmpl-test-" + std::to_string(next_id++);

  auto chunk = [&](json delta, json finish_reason) {
    json out = {{"id", id},
                {"object", "chat.completion.chunk"},
                {"created", kCreated},
                {"model", model},
                {"system_fingerprint", "fp_test"},
                {"choices",
                 {{{"index", 0}, {"delta", std::move(delta)}, {"finish_reason", finish_reason}}}}};
    if (include_usage) out["usage"] = nullptr;  // OpenAI sends null until the usage chunk
    return out;
  };
  auto send = [&](const json& data_json) {
    if (ec) return;
    const std::string event = "data: " + data_json.dump() + "\n\n";
    asio::write(socket, http::make_chunk(asio::buffer(event)), ec);
  };
  auto end_stream = [&] {
    StreamEnded();
    socket.shutdown(tcp::socket::shutdown_both, ec);
    socket.close(ec);
  };

  http::response<http::empty_body> header{http::status::ok, 11};
  header.set(http::field::content_type, "text/event-stream");
  header.set(http::field::cache_control, "no-cache");
  header.keep_alive(false);
  header.chunked(true);
  http::response_serializer<http::empty_body> serializer{header};
  http::write_header(socket, serializer, ec);
  send(chunk({{"role", "assistant"}, {"content", ""}}, nullptr));

  // A fault meant for after more pieces than the answer has strikes before the final chunk.
  const size_t fault_at =
      fault ? std::min(static_cast<size_t>(std::max(fault->after_pieces, 0)), pieces.size())
            : pieces.size() + 1;
  for (size_t i = 0; i <= pieces.size(); ++i) {
    if (i == fault_at) {
      if (fault->kind == OpenAiFault::Kind::kCut || !Pause(fault->stall)) return end_stream();
    }
    if (i == pieces.size()) break;
    if (options_.piece_delay.count() > 0 && !Pause(options_.piece_delay)) return end_stream();
    send(chunk({{"content", pieces[i]}}, nullptr));
    if (ec) return end_stream();
  }
  send(chunk(json::object(), "stop"));
  if (include_usage) {
    int64_t prompt_bytes = 0;
    for (const auto& message : request["messages"])
      prompt_bytes += static_cast<int64_t>(message["content"].get_ref<const std::string&>().size());
    const auto completion = static_cast<int64_t>(pieces.size());
    send({{"id", id},
          {"object", "chat.completion.chunk"},
          {"created", kCreated},
          {"model", model},
          {"choices", json::array()},
          {"usage",
           {{"prompt_tokens", prompt_bytes},
            {"completion_tokens", completion},
            {"total_tokens", prompt_bytes + completion}}}});
  }
  // Counted as ended before [DONE], so a client cannot start its next call while this one
  // still looks active.
  StreamEnded();
  const std::string done = "data: [DONE]\n\n";
  if (!ec) asio::write(socket, http::make_chunk(asio::buffer(done)), ec);
  if (!ec) asio::write(socket, http::make_chunk_last(), ec);
  CloseAfterClientReads(socket);
}

}  // namespace coolpapers::testing
