// OffsetMap and NormalizedText::to_original.
#include <algorithm>
#include <cstdint>

#include "vnie/normalize.h"

namespace vnie {

OffsetMap OffsetMap::identity(std::size_t size) {
  OffsetMap map;
  map.append_copy(size);
  return map;
}

void OffsetMap::append_copy(std::size_t len) {
  // Extends the copied tail of the last entry (or the identity).
  dst_size_ += len;
  src_size_ += len;
}

void OffsetMap::append_change(std::size_t dst_len, std::size_t src_len) {
  if (dst_len == 0 && src_len == 0) return;
  if (entries_.empty() && dst_size_ != 0) entries_.push_back({0, 0, 0, 0});  // the copy so far
  while (dst_len != 0 || src_len != 0) {
    // Runs over 64 KiB are stored as several; each still maps inside the run.
    const std::size_t d = std::min(dst_len, Entry::kMaxLength);
    const std::size_t s = std::min(src_len, Entry::kMaxLength);
    entries_.push_back({dst_size_, src_size_, d, s});
    dst_size_ += d;
    src_size_ += s;
    dst_len -= d;
    src_len -= s;
  }
}

std::size_t OffsetMap::map(std::size_t pos, Edge edge) const noexcept {
  pos = std::min(pos, dst_size_);
  if (entries_.empty()) return pos;  // the identity
  const auto by_dst = [](std::size_t p, const Entry& e) { return p < e.dst(); };
  if (edge == Edge::start) {
    // The run holding byte `pos`: the last entry starting at or before it
    // (past any deletions that sit at `pos`).
    if (pos == dst_size_) return src_size_;
    const auto it = std::upper_bound(entries_.begin(), entries_.end(), pos, by_dst) - 1;
    const std::size_t off = pos - it->dst();
    if (off < it->change_dst()) return it->src();
    return it->src() + it->change_src() + (off - it->change_dst());
  }
  // Edge::end: the run holding byte `pos - 1` (before deletions at `pos`).
  if (pos == 0) return 0;
  const auto it = std::lower_bound(entries_.begin(), entries_.end(), pos,
                                   [](const Entry& e, std::size_t p) { return e.dst() < p; }) -
                  1;
  const std::size_t off = pos - it->dst();
  if (off <= it->change_dst()) return it->src() + it->change_src();
  return it->src() + it->change_src() + (off - it->change_dst());
}

namespace {

// Walks a map as a sequence of runs: each entry's rewritten run (if not
// empty) followed by its copied run (if not empty). Copied runs can be
// consumed in part; rewritten runs only whole.
template <typename Entry>
class RunCursor {
 public:
  RunCursor(const std::vector<Entry>& entries, std::size_t dst_size)
      : entries_(entries.empty() ? &kIdentity : entries.data()),
        count_(entries.empty() ? 1 : entries.size()),
        dst_size_(dst_size) {
    load();
  }

  bool done() const { return index_ >= count_; }
  bool copy() const { return in_copy_; }
  std::size_t dst_len() const { return dst_len_; }  // remaining, for copies
  std::size_t src_len() const { return src_len_; }

  void take(std::size_t n) {  // n bytes of a copied run
    dst_len_ -= n;
    src_len_ -= n;
    if (dst_len_ == 0) advance();
  }
  void take_all() { advance(); }

 private:
  void advance() {
    if (in_copy_) {
      ++index_;
      in_copy_ = false;
    } else {
      in_copy_ = true;
    }
    load();
  }
  // Settles on the next non-empty run at or after (index_, in_copy_).
  void load() {
    for (; index_ < count_; ++index_, in_copy_ = false) {
      const Entry& e = entries_[index_];
      if (!in_copy_) {
        if (e.change_dst() != 0 || e.change_src() != 0) {
          dst_len_ = e.change_dst();
          src_len_ = e.change_src();
          return;
        }
        in_copy_ = true;
      }
      const std::size_t next = index_ + 1 < count_ ? entries_[index_ + 1].dst() : dst_size_;
      const std::size_t len = next - e.dst() - e.change_dst();
      if (len != 0) {
        dst_len_ = src_len_ = len;
        return;
      }
    }
    in_copy_ = false;
  }

  static constexpr Entry kIdentity{0, 0, 0, 0};  // stands for "no entries"
  const Entry* entries_;
  std::size_t count_;
  std::size_t dst_size_;
  std::size_t index_ = 0;
  bool in_copy_ = false;
  std::size_t dst_len_ = 0;
  std::size_t src_len_ = 0;
};

}  // namespace

OffsetMap OffsetMap::compose(const OffsetMap& inner) const {
  // Runs of `inner` (C→B) and of *this (B→A) are consumed in step along B.
  RunCursor<Entry> in(inner.entries_, inner.dst_size_);
  RunCursor<Entry> out(entries_, dst_size_);
  OffsetMap result;
  while (!in.done() || !out.done()) {
    if (!in.done() && !out.done() && in.copy() && out.copy()) {
      const std::size_t k = std::min(in.dst_len(), out.dst_len());
      result.append_copy(k);
      in.take(k);
      out.take(k);
      continue;
    }
    // Runs with no extent in B stand alone: a deletion from A first, so that
    // an insertion at the same place starts after the deleted bytes.
    if (!out.done() && !out.copy() && out.dst_len() == 0) {
      result.append_change(0, out.src_len());
      out.take_all();
      continue;
    }
    if (!in.done() && !in.copy() && in.src_len() == 0) {
      result.append_change(in.dst_len(), 0);
      in.take_all();
      continue;
    }
    if (in.done() || out.done()) break;  // sizes disagree: fixed up below
    // A rewritten run on either side: extend both sides until they meet at
    // the same B position.
    std::size_t c = 0, a = 0, bi = 0, bo = 0;
    if (!in.copy()) {
      c += in.dst_len();
      bi += in.src_len();
      in.take_all();
    }
    if (!out.copy()) {
      bo += out.dst_len();
      a += out.src_len();
      out.take_all();
    }
    while (bi != bo) {
      if (bi < bo) {
        if (in.done()) break;
        if (in.copy()) {
          const std::size_t k = std::min(in.dst_len(), bo - bi);
          c += k;
          bi += k;
          in.take(k);
        } else {
          c += in.dst_len();
          bi += in.src_len();
          in.take_all();
        }
      } else {
        if (out.done()) break;
        if (out.copy()) {
          const std::size_t k = std::min(out.dst_len(), bi - bo);
          a += k;
          bo += k;
          out.take(k);
        } else {
          bo += out.dst_len();
          a += out.src_len();
          out.take_all();
        }
      }
    }
    result.append_change(c, a);
  }
  // Only when inner.source_size() != derived_size(): cover what is left.
  if (result.dst_size_ < inner.dst_size_ || result.src_size_ < src_size_) {
    result.append_change(inner.dst_size_ - std::min(result.dst_size_, inner.dst_size_),
                         src_size_ - std::min(result.src_size_, src_size_));
  }
  return result;
}

std::pair<std::size_t, std::size_t> NormalizedText::to_original(View view, std::size_t start,
                                                                std::size_t end) const noexcept {
  const std::size_t size = view == View::folded ? folded.size() : text.size();
  end = std::min(end, size);
  start = std::min(start, end);
  if (view == View::folded) {
    start = folded_map.map(start, Edge::start);
    end = folded_map.map(end, Edge::end);
    start = std::min(start, end);
  }
  std::size_t s = text_map.map(start, Edge::start);
  const std::size_t e = text_map.map(end, Edge::end);
  // An empty span next to a deletion: start maps past it, end before it.
  s = std::min(s, e);
  return {s, e};
}

}  // namespace vnie
