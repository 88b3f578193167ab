#include "line_reader.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace vnie_cli {

std::atomic<std::uint64_t> ByteReader::consumed_{0};

namespace {
constexpr std::size_t kBufferBytes = std::size_t{1} << 16;
}

std::unique_ptr<ByteReader> ByteReader::open(const InputSource& src) {
  auto r = std::unique_ptr<ByteReader>(new ByteReader());
  if (src.is_stdin) {
    r->fd_ = STDIN_FILENO;
  } else {
    int fd = ::open(src.name.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      error_message("cannot read " + src.name + ": " + std::strerror(errno));
      return nullptr;
    }
    r->fd_ = fd;
    r->owned_ = true;
  }
  struct stat st {};
  if (::fstat(r->fd_, &st) == 0) {
    if (S_ISDIR(st.st_mode)) {
      error_message("cannot read " + src.name + ": is a directory");
      return nullptr;
    }
    if (S_ISREG(st.st_mode)) r->size_ = static_cast<std::uint64_t>(st.st_size);
  }
  r->buf_.resize(kBufferBytes);
  return r;
}

ByteReader::~ByteReader() {
  if (owned_ && fd_ >= 0) ::close(fd_);
}

bool ByteReader::fill() {
  pos_ = end_ = 0;
  if (eof_ || failed_) return false;
  for (;;) {
    ssize_t n = ::read(fd_, buf_.data(), buf_.size());
    if (n > 0) {
      end_ = static_cast<std::size_t>(n);
      consumed_.fetch_add(static_cast<std::uint64_t>(n), std::memory_order_relaxed);
      return true;
    }
    if (n == 0) {
      eof_ = true;
      return false;
    }
    if (errno == EINTR) continue;
    failed_ = true;
    error_ = std::strerror(errno);
    return false;
  }
}

ByteReader::Line ByteReader::next_line(std::string* line, std::size_t limit,
                                       std::size_t* length) {
  line->clear();
  std::size_t total = 0;  // bytes of this line seen so far
  bool dropping = false;
  bool any = false;  // anything read for this line (a byte or its newline)
  // A line of `limit` bytes may be followed by "\r": hold at most limit + 1.
  const std::size_t hold = limit == static_cast<std::size_t>(-1) ? limit : limit + 1;
  for (;;) {
    if (pos_ == end_ && !fill()) break;
    any = true;
    const char* begin = buf_.data() + pos_;
    const auto* nl = static_cast<const char*>(std::memchr(begin, '\n', end_ - pos_));
    std::size_t n = nl ? static_cast<std::size_t>(nl - begin) : end_ - pos_;
    total += n;
    if (!dropping && total > hold) {
      dropping = true;
      line->clear();
      line->shrink_to_fit();
    }
    if (!dropping) line->append(begin, n);
    pos_ += n;
    if (nl) {
      ++pos_;  // the newline
      break;
    }
  }
  if (!any) {
    *length = 0;
    return Line::end;
  }
  if (!dropping && !line->empty() && line->back() == '\r') {
    line->pop_back();
    --total;
  }
  *length = total;
  if (dropping || total > limit) {
    line->clear();
    return Line::too_long;
  }
  return Line::ok;
}

bool ByteReader::read_all(std::string* out, std::size_t limit, bool* over_limit) {
  *over_limit = false;
  for (;;) {
    if (pos_ == end_ && !fill()) break;
    out->append(buf_.data() + pos_, end_ - pos_);
    pos_ = end_;
    if (out->size() > limit) {
      *over_limit = true;
      break;
    }
  }
  return !failed_;
}

std::optional<std::uint64_t> total_input_size(const std::vector<InputSource>& inputs) {
  std::uint64_t total = 0;
  for (const auto& src : inputs) {
    struct stat st {};
    int rc = src.is_stdin ? ::fstat(STDIN_FILENO, &st) : ::stat(src.name.c_str(), &st);
    if (rc != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
    total += static_cast<std::uint64_t>(st.st_size);
  }
  return total;
}

}  // namespace vnie_cli
