// Reading documents with bounded memory: a file descriptor read through a
// fixed buffer, line by line, where a line longer than a limit is skipped
// (its bytes read and dropped, never held whole).
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common.h"

namespace vnie_cli {

class ByteReader {
 public:
  /// Opens `src` (stdin is file descriptor 0); on failure returns null and
  /// reports "cannot read NAME: why" on stderr.
  static std::unique_ptr<ByteReader> open(const InputSource& src);
  ~ByteReader();
  ByteReader(const ByteReader&) = delete;
  ByteReader& operator=(const ByteReader&) = delete;

  enum class Line {
    ok,        ///< `*line` holds the line, without "\n" and a trailing "\r"
    too_long,  ///< the line had more than `limit` bytes: dropped, `*line` empty
    end,       ///< end of input (or a read error: see failed())
  };
  /// Reads the next line. `*length` gets its length in bytes (without the
  /// newline; for a dropped line, all of its bytes). Memory held: the buffer
  /// and at most `limit` + 1 bytes of line.
  Line next_line(std::string* line, std::size_t limit, std::size_t* length);

  /// Reads everything that is left, but stops once more than `limit` bytes
  /// have been read (then `*over_limit` is true). False on a read error.
  bool read_all(std::string* out, std::size_t limit, bool* over_limit);

  /// True when a read failed (as opposed to reaching the end); error() says why.
  bool failed() const { return failed_; }
  const std::string& error() const { return error_; }

  /// The size of a regular file, when known in advance.
  std::optional<std::uint64_t> size() const { return size_; }

  /// Bytes consumed so far by all readers (for progress reports).
  static std::uint64_t total_consumed() { return consumed_.load(std::memory_order_relaxed); }

 private:
  ByteReader() = default;
  bool fill();  ///< refills the buffer; false at end or on error

  int fd_ = -1;
  bool owned_ = false;
  bool eof_ = false;
  bool failed_ = false;
  std::string error_;
  std::optional<std::uint64_t> size_;
  std::vector<char> buf_;
  std::size_t pos_ = 0, end_ = 0;
  static std::atomic<std::uint64_t> consumed_;
};

/// The sum of the sizes of `inputs` when every one is a regular file.
std::optional<std::uint64_t> total_input_size(const std::vector<InputSource>& inputs);

}  // namespace vnie_cli
