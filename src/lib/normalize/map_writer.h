// normalize/map_writer.h — bulk construction of an OffsetMap.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>

#include "vnie/normalize.h"

namespace vnie {

/// Builds an OffsetMap from a stream of small changes at increasing
/// positions, for the hot loop of the normalizer (OffsetMap::append_* cost a
/// call and a few checks each). Between two changes everything is copied, so
/// consecutive changes must satisfy dst - previous dst end == src - previous
/// src end. finish() completes the map; without it the map is unspecified.
class OffsetMapWriter {
 public:
  /// Starts `map` afresh; `expected_changes` sizes the first allocation.
  OffsetMapWriter(OffsetMap& map, std::size_t expected_changes)
      : map_(map), expected_(std::max<std::size_t>(expected_changes, 8)) {
    map_.entries_.clear();
    next_ = end_ = map_.entries_.data();
  }

  /// Derived bytes [dst, dst + dst_len) replace source bytes [src, src + src_len).
  void change(std::size_t dst, std::size_t src, std::uint32_t dst_len, std::uint32_t src_len) {
    if (next_ == end_) grow(dst, src);
    *next_++ = {dst, src, dst_len, src_len};
  }

  /// Appends `piece` to `map`: piece's derived and source positions follow
  /// map's (the maps of two strings that are concatenated).
  static void append(OffsetMap& map, const OffsetMap& piece) {
    if (piece.entries_.empty()) {
      map.append_copy(piece.dst_size_);
      return;
    }
    if (map.entries_.empty() && map.dst_size_ != 0) map.entries_.push_back({0, 0, 0, 0});
    for (const Entry& e : piece.entries_) {
      map.entries_.push_back({map.dst_size_ + e.dst(), map.src_size_ + e.src(), e.change_dst(),
                              e.change_src()});
    }
    map.dst_size_ += piece.dst_size_;
    map.src_size_ += piece.src_size_;
  }

  /// Makes room in `map` for `entries` entries in all (append() after it
  /// does not reallocate until then).
  static void reserve(OffsetMap& map, std::size_t entries) { map.entries_.reserve(entries); }

  /// Ends the map: `dst_size` derived bytes from `src_size` source bytes.
  void finish(std::size_t dst_size, std::size_t src_size) {
    map_.entries_.resize(used());
    map_.dst_size_ = dst_size;
    map_.src_size_ = src_size;
  }

 private:
  using Entry = OffsetMap::Entry;

  std::size_t used() const { return static_cast<std::size_t>(next_ - map_.entries_.data()); }

  void grow(std::size_t dst, std::size_t src) {
    const std::size_t n = used();
    if (n == 0) {
      map_.entries_.resize(expected_);
      next_ = map_.entries_.data();
      if (dst != 0 || src != 0) *next_++ = {0, 0, 0, 0};  // the copy before
    } else {
      map_.entries_.resize(2 * n);
      next_ = map_.entries_.data() + n;
    }
    end_ = map_.entries_.data() + map_.entries_.size();
  }

  OffsetMap& map_;
  std::size_t expected_;
  Entry* next_ = nullptr;
  Entry* end_ = nullptr;
};

}  // namespace vnie
