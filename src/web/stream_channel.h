// How a streamed response's body (Response::stream) gets from its producer to the connection
// that sends it. The producer writes through a ChannelWriter on any thread; the writes queue in
// a StreamChannel the server's session shares; the session takes them (TakeStreamPieces), sends
// them as one chunk (FrameStreamChunk) and asks again when the channel wakes it. The socket
// side stays in server.cc.
#ifndef COOLPAPERS_WEB_STREAM_CHANNEL_H_
#define COOLPAPERS_WEB_STREAM_CHANNEL_H_

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <boost/asio/buffer.hpp>

#include "core/mutex.h"
#include "web/http_message.h"

namespace coolpapers::web {

// A streamed body may hold this much written by its producer and not yet sent before Write
// refuses more and the stream is cut: a reader slower than the producer must not grow the server.
inline constexpr size_t kMaxQueuedStreamBytes = 1024 * 1024;

// What a streamed response's writer shares with its session. The writer never owns the session:
// it reaches it only through `wake`, which the session clears (Detach) when the stream ends and
// in its destructor, so a writer that outlives its session, or the whole server, is harmless.
struct StreamChannel {
  // Has the session take the queued pieces, unless it was already asked.
  void Wake() REQUIRES(mutex);

  // From the session: Write refuses from now on and nothing reaches the session any more.
  void Detach();

  Mutex mutex;
  std::vector<std::string> pieces GUARDED_BY(mutex);  // written, not yet taken by the session
  size_t queued_bytes GUARDED_BY(mutex) = 0;          // in `pieces` or being sent
  bool closed GUARDED_BY(mutex) = false;              // Close() was called
  bool ended GUARDED_BY(mutex) = false;               // Write refuses (reader gone, stopping)
  bool cut GUARDED_BY(mutex) = false;                 // too much queued; end without last chunk
  bool wake_posted GUARDED_BY(mutex) = false;
  std::function<void()> wake GUARDED_BY(mutex);  // posts to the session; empty once detached
};

// The producer's end of a channel. Write queues a piece and wakes the session; past
// kMaxQueuedStreamBytes unsent it marks the channel cut and refuses. Thread-safe.
class ChannelWriter final : public StreamWriter {
 public:
  explicit ChannelWriter(std::shared_ptr<StreamChannel> channel) : channel_(std::move(channel)) {}
  // Streams have no request timeout: a producer that drops its writer without Close() must not
  // hold the connection open for ever.
  ~ChannelWriter() override { Close(); }

  bool Write(std::string data) override;
  void Close() override;

 private:
  const std::shared_ptr<StreamChannel> channel_;
};

// What the session sends next of a streamed body.
struct StreamPieces {
  bool cut = false;     // the producer queued too much: cut the stream instead of sending
  bool finish = false;  // the writer is closed or the stream ended: this send ends the body
  std::vector<std::string> pieces;  // in the order written
  size_t bytes = 0;                 // of the pieces, without framing
};

// Takes every piece queued on `channel` and lets it wake the session again. Thread-safe.
StreamPieces TakeStreamPieces(StreamChannel& channel);

// The buffers of one write of `pieces` (`bytes` long in all): with `chunked`, one chunk of
// them (RFC 9112 section 7.1: hex size CRLF data CRLF), nothing for no bytes, and the last
// chunk ("0" CRLF CRLF) when `finish`; without, the bytes as they are. The buffers point into
// `pieces` and `chunk_head` (which receives the size line): both must outlive the write.
std::vector<boost::asio::const_buffer> FrameStreamChunk(const std::vector<std::string>& pieces,
                                                        size_t bytes, bool chunked, bool finish,
                                                        std::string& chunk_head);

}  // namespace coolpapers::web

#endif  // COOLPAPERS_WEB_STREAM_CHANNEL_H_
