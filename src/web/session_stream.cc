// Session's streamed responses (Response::stream): the head, then the producer's pieces as
// chunks while a read-ahead watches for a reader who leaves. The pieces arrive through a
// StreamChannel (stream_channel.h).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <exception>
#include <string>
#include <utility>

#include <boost/asio/post.hpp>
#include <boost/asio/write.hpp>

#include "core/mutex.h"
#include "web/session.h"
#include "web/stream_channel.h"

namespace coolpapers::web {
namespace {

// While a body streams, the session reads ahead to notice a reader who leaves; past this many
// buffered bytes (pipelined requests) it stops, and a failed write notices instead.
constexpr size_t kMaxStreamReadAhead = 64 * 1024;

}  // namespace

void Session::SendStreamHead(Response response, unsigned version, bool keep_alive, bool head) {
  http::response<http::empty_body>& res = stream_res_.emplace();
  res.result(static_cast<unsigned>(response.status));
  res.version(version);
  res.set(http::field::server, "coolpapers");
  res.set(http::field::content_type, ToBeast(response.content_type));
  res.set("X-Content-Type-Options", "nosniff");
  for (const auto& [name, value] : response.headers) res.set(ToBeast(name), ToBeast(value));
  if (res.find(http::field::cache_control) == res.end()) {
    res.set(http::field::cache_control, "no-cache");
  }
  res.set("X-Accel-Buffering", "no");  // nginx would otherwise hold the pieces back
  // HTTP/1.0 has no chunked encoding: there the body ends when the connection closes.
  chunked_ = version >= 11;
  res.keep_alive(chunked_ && keep_alive && !stopping_ && !core_.stopping);
  if (chunked_) res.chunked(true);
  status_ = response.status;
  stream_head_only_ = head;
  stream_starter_ = std::move(response.stream);
  stream_heartbeat_ = std::move(response.stream_heartbeat);
  stream_hold_ = std::move(response.stream_hold);
  stream_serializer_.emplace(res);
  stream_.expires_after(core_.options.request_timeout);
  http::async_write_header(stream_, *stream_serializer_,
                           beast::bind_front_handler(&Session::OnStreamHead, shared_from_this()));
}

void Session::OnStreamHead(beast::error_code ec, std::size_t bytes) {
  const bool keep_alive = stream_res_->keep_alive();
  stream_serializer_.reset();
  stream_res_.reset();
  StreamStarter starter = std::move(stream_starter_);
  stream_starter_ = nullptr;
  if (ec || stream_head_only_) {
    EndStreamExtras();  // no body: nothing to hold
    LogRequest(bytes, ec);
    if (ec) return;
    if (!keep_alive) return DoClose();
    first_request_ = false;
    return DoRead();
  }
  stream_bytes_ = bytes;
  keep_alive_after_stream_ = keep_alive;
  channel_ = std::make_shared<StreamChannel>();
  {
    MutexLock lock(&channel_->mutex);  // not shared yet; taken to keep the one rule
    channel_->wake = [executor = stream_.get_executor(), weak = weak_from_this()] {
      net::post(executor, [weak] {
        if (std::shared_ptr<Session> self = weak.lock()) self->PumpStream();
      });
    };
  }
  StartWatch();
  stream_started_ = std::chrono::steady_clock::now();
  stream_bytes_at_tick_ = stream_bytes_;
  ArmStreamTimer();
  if (stopping_ || core_.stopping) {
    MutexLock lock(&channel_->mutex);
    channel_->ended = true;  // an empty body: no producer is started while stopping
  } else {
    try {
      starter(std::make_shared<ChannelWriter>(channel_));
    } catch (const std::exception& e) {
      // The head is out: the body can only be cut, so the reader sees it incomplete.
      std::fprintf(stderr, "coolpapers: %s %s threw starting its stream: %s\n", method_.c_str(),
                   target_.c_str(), e.what());
      return CutStream("stream cut: its producer failed to start");
    }
  }
  PumpStream();
}

void Session::PumpStream() {
  if (!channel_ || stream_writing_ || stream_finishing_) return;
  StreamPieces taken = TakeStreamPieces(*channel_);
  if (taken.cut) {
    return CutStream("stream cut: the reader is too slow (more than " +
                     std::to_string(kMaxQueuedStreamBytes) + " bytes queued)");
  }
  if (taken.pieces.empty() && !taken.finish) return;
  sending_ = std::move(taken.pieces);
  sending_bytes_ = taken.bytes;
  send_buffers_ = FrameStreamChunk(sending_, sending_bytes_, chunked_, taken.finish, chunk_head_);
  stream_writing_ = true;
  stream_finishing_ = taken.finish;
  // No request timeout while the producer is silent, but a reader who stops reading ends the
  // stream after one: this write must progress within it.
  stream_.expires_after(core_.options.request_timeout);
  net::async_write(stream_, send_buffers_,
                   beast::bind_front_handler(&Session::OnStreamWrite, shared_from_this()));
}

void Session::OnStreamWrite(beast::error_code ec, std::size_t bytes) {
  stream_writing_ = false;
  stream_bytes_ += bytes;
  sending_.clear();
  send_buffers_.clear();
  if (!channel_) return;  // cut meanwhile
  {
    MutexLock lock(&channel_->mutex);
    channel_->queued_bytes -= sending_bytes_;
  }
  if (ec) return CutStream("stream cut: write failed: " + ec.message());
  if (!stream_finishing_) return PumpStream();
  stream_finishing_ = false;
  LogRequest(stream_bytes_, std::string());
  channel_->Detach();
  channel_.reset();
  EndStreamExtras();
  if (watching_) {
    continue_after_watch_ = true;  // OnWatch goes on once the read-ahead gives up
    beast::error_code ignored;     // nothing to cancel if it just completed
    stream_.socket().cancel(ignored);
    return;
  }
  ContinueAfterStream();
}

void Session::ContinueAfterStream() {
  if (!keep_alive_after_stream_ || stopping_ || core_.stopping) return DoClose();
  first_request_ = false;
  DoRead();
}

void Session::StartWatch() {
  if (buffer_.size() >= kMaxStreamReadAhead) return;
  watching_ = true;
  stream_.expires_never();  // leaves the timer of a write in flight alone
  stream_.async_read_some(buffer_.prepare(kFirstReadBytes),
                          beast::bind_front_handler(&Session::OnWatch, shared_from_this()));
}

void Session::OnWatch(beast::error_code ec, std::size_t bytes) {
  watching_ = false;
  if (!ec) buffer_.commit(bytes);
  if (continue_after_watch_) {
    continue_after_watch_ = false;
    if (ec && ec != net::error::operation_aborted) return;  // the reader left after the body
    return ContinueAfterStream();
  }
  if (!channel_) return;  // cut
  if (!ec) return StartWatch();
  if (stream_finishing_) {
    keep_alive_after_stream_ = false;  // the last chunk is on its way; the reader is leaving
    return;
  }
  CutStream(ec == net::error::eof ? std::string("stream cut: the reader left")
                                  : "stream cut: read failed: " + ec.message());
}

void Session::CutStream(const std::string& why) {
  LogRequest(stream_bytes_, why);
  channel_->Detach();
  channel_.reset();
  EndStreamExtras();
  stream_finishing_ = false;
  beast::error_code ignored;  // the peer may already be gone
  stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
  stream_.close();
}

void Session::EndStreamExtras() {
  stream_hold_.reset();
  stream_heartbeat_.clear();
  if (stream_timer_) stream_timer_->cancel();
}

void Session::ArmStreamTimer() {
  const auto lifetime = core_.options.stream_lifetime;
  const auto heartbeat = core_.options.stream_heartbeat;
  if (lifetime.count() <= 0 && (heartbeat.count() <= 0 || stream_heartbeat_.empty())) return;
  auto tick = heartbeat.count() > 0 && !stream_heartbeat_.empty() ? heartbeat : lifetime;
  if (lifetime.count() > 0) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        stream_started_ + lifetime - std::chrono::steady_clock::now());
    tick = std::max(std::chrono::milliseconds(1), std::min(tick, left));
  }
  if (!stream_timer_) stream_timer_.emplace(stream_.get_executor());
  stream_timer_->expires_after(tick);
  stream_timer_->async_wait(beast::bind_front_handler(&Session::OnStreamTimer, shared_from_this()));
}

void Session::OnStreamTimer(beast::error_code ec) {
  if (ec || !channel_) return;  // cancelled: the body ended
  const auto lifetime = core_.options.stream_lifetime;
  if (lifetime.count() > 0 && std::chrono::steady_clock::now() - stream_started_ >= lifetime) {
    {  // a complete body: the reader's page asks again where things stand
      MutexLock lock(&channel_->mutex);
      channel_->ended = true;
    }
    return PumpStream();
  }
  if (!stream_heartbeat_.empty() && stream_bytes_ == stream_bytes_at_tick_ && !stream_writing_) {
    MutexLock lock(&channel_->mutex);
    if (!channel_->ended && !channel_->closed) {
      channel_->pieces.push_back(stream_heartbeat_);
      channel_->queued_bytes += stream_heartbeat_.size();
    }
  }
  stream_bytes_at_tick_ = stream_bytes_;
  PumpStream();
  ArmStreamTimer();
}

}  // namespace coolpapers::web
