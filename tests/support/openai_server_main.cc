// The loopback OpenAI-compatible model server (openai_server.h) as a program, for the browser
// tests: `openai_server_main [--answers FILE] [--piece-delay-ms N] [--piece-bytes N]
// [--model NAME]`. FILE is a JSON array of strings: request k (from 0) is answered with answer
// k modulo the array's length ("OK" without a file). Prints
//   listening http://127.0.0.1:PORT/v1
// once it listens, then for every chat request it answers
//   request K first_delta_ms T
// where T is the wall-clock time (milliseconds since the Unix epoch) at which the answer's first
// delta is due: the arrival plus the piece delay, which is when the server sends it. A test
// counts these lines to know how many model calls were made. Serves until stdin closes or it
// gets SIGTERM/SIGINT/SIGHUP; exits 2 on bad arguments.
#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "tests/support/openai_server.h"

namespace {

using coolpapers::testing::OpenAiServer;
using coolpapers::testing::OpenAiServerOptions;

int Usage(const std::string& problem) {
  std::fprintf(stderr,
               "openai_server_main: %s\nusage: openai_server_main [--answers FILE.json] "
               "[--piece-delay-ms N] [--piece-bytes N] [--model NAME]\n",
               problem.c_str());
  return 2;
}

// The answers of a JSON file holding an array of strings; empty with `error` set otherwise.
std::vector<std::string> ReadAnswers(const std::string& path, std::string& error) {
  std::ifstream in(path);
  if (!in) {
    error = "cannot read the answers file \"" + path + "\"";
    return {};
  }
  std::stringstream text;
  text << in.rdbuf();
  const nlohmann::json answers = nlohmann::json::parse(text.str(), nullptr, false);
  if (!answers.is_array() || answers.empty()) {
    error = "the answers file \"" + path + "\" must hold a non-empty JSON array of strings";
    return {};
  }
  std::vector<std::string> out;
  for (const nlohmann::json& answer : answers) {
    if (!answer.is_string()) {
      error = "the answers file \"" + path + "\" holds a value that is not a string";
      return {};
    }
    out.push_back(answer.get<std::string>());
  }
  return out;
}

long long WallMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

int main(int argc, char** argv) {
  OpenAiServerOptions options;
  std::vector<std::string> answers = {"OK"};
  for (int i = 1; i < argc; ++i) {
    const std::string_view flag = argv[i];
    if (i + 1 >= argc) return Usage("missing the value of " + std::string(flag));
    const std::string value = argv[++i];
    if (flag == "--answers") {
      std::string error;
      answers = ReadAnswers(value, error);
      if (answers.empty()) return Usage(error);
    } else if (flag == "--piece-delay-ms") {
      options.piece_delay = std::chrono::milliseconds(std::atoi(value.c_str()));
    } else if (flag == "--piece-bytes") {
      const int bytes = std::atoi(value.c_str());
      if (bytes < 1) return Usage("--piece-bytes: expected a positive number, got " + value);
      options.piece_bytes = static_cast<size_t>(bytes);
    } else if (flag == "--model") {
      options.model = value;
    } else {
      return Usage("unknown argument " + std::string(flag));
    }
  }

  // Blocked before any thread starts, so only sigwait below receives them.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGTERM);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGHUP);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  OpenAiServer server(options);
  int requests = 0;  // guarded by the server's lock: the answerer runs under it
  const std::chrono::milliseconds delay = options.piece_delay;
  server.SetAnswerer([&answers, &requests, delay](const nlohmann::json&) {
    const int index = requests++;
    std::printf("request %d first_delta_ms %lld\n", index,
                WallMs() + static_cast<long long>(delay.count()));
    std::fflush(stdout);
    return answers[static_cast<size_t>(index) % answers.size()];
  });
  std::printf("listening %s\n", server.BaseUrl().c_str());
  std::fflush(stdout);

  // Closing stdin (the test runner went away) stops the server like SIGTERM does.
  std::thread stdin_watch([] {
    char buffer[256];
    while (::read(STDIN_FILENO, buffer, sizeof buffer) > 0) {
    }
    ::kill(::getpid(), SIGTERM);
  });
  stdin_watch.detach();
  int signal_number = 0;
  sigwait(&stop_signals, &signal_number);
  return 0;
}
