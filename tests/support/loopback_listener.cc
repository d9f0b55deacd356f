#include "tests/support/loopback_listener.h"

#include <memory>
#include <utility>

namespace coolpapers::testing {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;

LoopbackListener::LoopbackListener(Serve serve) : serve_(std::move(serve)) {
  tcp::endpoint endpoint(asio::ip::make_address("127.0.0.1"), 0);
  acceptor_.open(endpoint.protocol());
  acceptor_.set_option(asio::socket_base::reuse_address(true));
  acceptor_.bind(endpoint);
  acceptor_.listen();
  port_ = acceptor_.local_endpoint().port();
  accept_thread_ = std::thread([this] {
    for (;;) {
      auto socket = std::make_unique<tcp::socket>(io_);
      boost::system::error_code ec;
      acceptor_.accept(*socket, ec);
      if (stopping_) return;
      if (ec) continue;
      std::lock_guard lock(mutex_);
      connections_.emplace_back([this, s = std::move(socket)] { serve_(*s); });
    }
  });
}

LoopbackListener::~LoopbackListener() {
  stopping_ = true;
  // Wake the blocking accept with a connection of our own rather than closing the acceptor
  // from another thread, which Asio does not allow.
  {
    boost::system::error_code ec;
    tcp::socket wake(io_);
    wake.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port_), ec);
  }
  accept_thread_.join();
  std::vector<std::thread> connections;
  {
    std::lock_guard lock(mutex_);
    connections.swap(connections_);
  }
  for (auto& thread : connections) thread.join();
}

}  // namespace coolpapers::testing
