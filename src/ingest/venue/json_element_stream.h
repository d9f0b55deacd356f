// Streams the objects of a JSON file's record array one at a time, in constant memory, with
// the line each starts on: the root array of a Paper Copilot list, or the "notes" array of an
// OpenReview API answer (wherever it sits). What is left of the document (the "skeleton",
// each streamed object replaced by null) is kept, so small top-level facts such as an API
// answer's "count" can be read after the records. The JSON is not validated here: each object
// is handed over as text for a JSON parser, and a file that is not JSON yields no objects.
#ifndef COOLPAPERS_INGEST_VENUE_JSON_ELEMENT_STREAM_H_
#define COOLPAPERS_INGEST_VENUE_JSON_ELEMENT_STREAM_H_

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace coolpapers::ingest {

class JsonElementStream {
 public:
  struct Element {
    std::string_view text;  // the object, "{...}"; valid until the next call
    int64_t line = 0;       // 1-based line of its "{"
  };

  // Opens `path`. Objects are streamed from the root array and from arrays that are the value
  // of a key in `array_keys` (e.g. {"notes"}). Returns kNotFound for a missing file and
  // kUnavailable for an unreadable one, naming the path.
  [[nodiscard]] static Result<JsonElementStream> Open(const std::filesystem::path& path,
                                                      std::vector<std::string> array_keys);

  JsonElementStream(JsonElementStream&&) noexcept = default;
  JsonElementStream& operator=(JsonElementStream&&) noexcept = default;

  // The next object, or nullopt at the end of the file. kUnavailable on a read error.
  [[nodiscard]] Result<std::optional<Element>> Next();

  // After Next() returned nullopt: the document without its streamed objects.
  const std::string& skeleton() const { return skeleton_; }
  // Bytes read up to the end of the last object returned.
  int64_t bytes_consumed() const { return bytes_consumed_; }
  int64_t size_bytes() const { return size_bytes_; }
  const std::filesystem::path& path() const { return path_; }

 private:
  struct Frame {
    bool is_array = false;
    bool streams = false;       // an array whose object elements are streamed
    bool expects_key = false;   // an object about to read a key
    std::string key;            // an object's last key
  };
  struct FileCloser {
    void operator()(std::FILE* file) const { std::fclose(file); }
  };
  JsonElementStream(std::filesystem::path path, std::FILE* file, int64_t size_bytes,
                    std::vector<std::string> array_keys);
  // Inside a string: moves past `c` (an escape, the closing quote) and returns true; outside
  // one returns false.
  bool StepInString(char c);
  // Scans one byte outside any streamed object; true when it opens one.
  bool ScanSkeletonByte(char c);
  // Scans bytes inside a streamed object; returns how many it used: all of them, or up to and
  // including the one that closes the object (element_depth_ is then 0).
  size_t ScanElement(std::string_view bytes);

  std::filesystem::path path_;
  std::unique_ptr<std::FILE, FileCloser> file_;
  std::vector<std::string> array_keys_;
  std::vector<char> chunk_;
  size_t chunk_begin_ = 0;
  size_t chunk_end_ = 0;
  int64_t size_bytes_ = 0;
  int64_t bytes_read_ = 0;      // through chunk_begin_
  int64_t bytes_consumed_ = 0;
  int64_t line_ = 1;
  std::vector<Frame> frames_;   // the containers open around the scan point
  bool in_string_ = false;
  bool escaped_ = false;
  std::string key_text_;        // a key being read
  std::string skeleton_;
  std::string element_;         // the object being read
  int element_depth_ = 0;       // nesting inside the object being read; 0 outside one
  int64_t element_line_ = 0;
};

}  // namespace coolpapers::ingest

#endif  // COOLPAPERS_INGEST_VENUE_JSON_ELEMENT_STREAM_H_
