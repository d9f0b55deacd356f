#include "web/stream_channel.h"

#include <cassert>
#include <charconv>
#include <system_error>
#include <utility>

namespace coolpapers::web {

void StreamChannel::Wake() {
  if (wake_posted || !wake) return;
  wake_posted = true;
  wake();
}

void StreamChannel::Detach() {
  MutexLock lock(&mutex);
  ended = true;
  wake = nullptr;
}

bool ChannelWriter::Write(std::string data) {
  MutexLock lock(&channel_->mutex);
  if (channel_->closed || channel_->ended) return false;
  if (data.empty()) return true;  // as a chunk, nothing would read as the end of the body
  assert(channel_->queued_bytes <= kMaxQueuedStreamBytes);  // checked below before each add
  if (data.size() > kMaxQueuedStreamBytes - channel_->queued_bytes) {
    channel_->ended = true;
    channel_->cut = true;
    channel_->Wake();
    return false;
  }
  channel_->queued_bytes += data.size();
  channel_->pieces.push_back(std::move(data));
  channel_->Wake();
  return true;
}

void ChannelWriter::Close() {
  MutexLock lock(&channel_->mutex);
  if (channel_->closed) return;
  channel_->closed = true;
  channel_->Wake();
}

StreamPieces TakeStreamPieces(StreamChannel& channel) {
  StreamPieces taken;
  {
    MutexLock lock(&channel.mutex);
    channel.wake_posted = false;
    taken.cut = channel.cut;
    taken.finish = channel.closed || channel.ended;
    taken.pieces.swap(channel.pieces);
  }
  for (const std::string& piece : taken.pieces) taken.bytes += piece.size();
  return taken;
}

std::vector<boost::asio::const_buffer> FrameStreamChunk(const std::vector<std::string>& pieces,
                                                        size_t bytes, bool chunked, bool finish,
                                                        std::string& chunk_head) {
  std::vector<boost::asio::const_buffer> buffers;
  if (chunked && bytes > 0) {
    char hex[2 * sizeof(size_t)];
    const auto [end, error] = std::to_chars(hex, hex + sizeof hex, bytes, 16);
    assert(error == std::errc());  // a size_t always fits in its hex digits
    chunk_head.assign(hex, end);
    chunk_head += "\r\n";
    buffers.push_back(boost::asio::buffer(chunk_head));
  }
  for (const std::string& piece : pieces) buffers.push_back(boost::asio::buffer(piece));
  if (chunked && bytes > 0) buffers.push_back(boost::asio::buffer("\r\n", 2));
  if (chunked && finish) buffers.push_back(boost::asio::buffer("0\r\n\r\n", 5));
  return buffers;
}

}  // namespace coolpapers::web
