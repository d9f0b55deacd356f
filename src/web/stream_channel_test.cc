#include "web/stream_channel.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace coolpapers::web {
namespace {

std::string Joined(const std::vector<boost::asio::const_buffer>& buffers) {
  std::string text;
  for (const boost::asio::const_buffer& buffer : buffers) {
    text.append(static_cast<const char*>(buffer.data()), buffer.size());
  }
  return text;
}

TEST(FrameStreamChunk, FramesThePiecesAsOneChunk) {
  const std::vector<std::string> pieces = {"data: a\n\n", "data: bc\n\n"};
  std::string head;
  EXPECT_EQ(Joined(FrameStreamChunk(pieces, 20, true, false, head)),
            "14\r\ndata: a\n\ndata: bc\n\n\r\n");
  EXPECT_EQ(Joined(FrameStreamChunk(pieces, 20, true, true, head)),
            "14\r\ndata: a\n\ndata: bc\n\n\r\n0\r\n\r\n");
  EXPECT_EQ(Joined(FrameStreamChunk({}, 0, true, true, head)), "0\r\n\r\n");
  EXPECT_EQ(Joined(FrameStreamChunk(pieces, 20, false, true, head)), "data: a\n\ndata: bc\n\n");
}

TEST(ChannelWriter, QueuesPiecesAndWakesTheSessionOnce) {
  auto channel = std::make_shared<StreamChannel>();
  int wakes = 0;
  {
    MutexLock lock(&channel->mutex);
    channel->wake = [&wakes] { ++wakes; };
  }
  ChannelWriter writer(channel);
  EXPECT_TRUE(writer.Write("a"));
  EXPECT_TRUE(writer.Write("bc"));
  EXPECT_EQ(wakes, 1);  // until the session takes the pieces
  StreamPieces taken = TakeStreamPieces(*channel);
  EXPECT_EQ(taken.pieces, (std::vector<std::string>{"a", "bc"}));
  EXPECT_EQ(taken.bytes, 3u);
  EXPECT_FALSE(taken.finish);
  writer.Close();
  EXPECT_EQ(wakes, 2);
  EXPECT_FALSE(writer.Write("late"));
  EXPECT_TRUE(TakeStreamPieces(*channel).finish);
}

TEST(ChannelWriter, CutsAStreamThatQueuesTooMuch) {
  auto channel = std::make_shared<StreamChannel>();
  ChannelWriter writer(channel);
  EXPECT_TRUE(writer.Write(std::string(kMaxQueuedStreamBytes, 'x')));
  EXPECT_FALSE(writer.Write("y"));
  EXPECT_TRUE(TakeStreamPieces(*channel).cut);
}

TEST(ChannelWriter, RefusesOnceTheSessionDetaches) {
  auto channel = std::make_shared<StreamChannel>();
  ChannelWriter writer(channel);
  channel->Detach();
  EXPECT_FALSE(writer.Write("a"));
}

}  // namespace
}  // namespace coolpapers::web
