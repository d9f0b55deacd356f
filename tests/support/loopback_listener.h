// The accept loop the loopback test servers share: listen on 127.0.0.1, hand every connection
// to a function on a thread of its own, and on destruction stop accepting and join them all.
#ifndef COOLPAPERS_TESTS_SUPPORT_LOOPBACK_LISTENER_H_
#define COOLPAPERS_TESTS_SUPPORT_LOOPBACK_LISTENER_H_

#include <atomic>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace coolpapers::testing {

class LoopbackListener {
 public:
  // Answers one connection; must return on its own (answer, close), since the destructor waits
  // for it. Runs on the connection's own thread, so it must be thread-safe.
  using Serve = std::function<void(boost::asio::ip::tcp::socket& socket)>;

  // Listens on 127.0.0.1 on a free port and starts accepting. Throws std::runtime_error (from
  // Asio) when it cannot listen: a test set-up failure.
  explicit LoopbackListener(Serve serve);
  // Stops accepting, then joins every connection's thread.
  ~LoopbackListener();
  LoopbackListener(const LoopbackListener&) = delete;
  LoopbackListener& operator=(const LoopbackListener&) = delete;

  unsigned short port() const { return port_; }

 private:
  const Serve serve_;
  boost::asio::io_context io_;
  boost::asio::ip::tcp::acceptor acceptor_{io_};
  unsigned short port_ = 0;
  std::atomic<bool> stopping_{false};
  std::mutex mutex_;
  std::vector<std::thread> connections_;  // Guarded by mutex_.
  std::thread accept_thread_;
};

}  // namespace coolpapers::testing

#endif  // COOLPAPERS_TESTS_SUPPORT_LOOPBACK_LISTENER_H_
