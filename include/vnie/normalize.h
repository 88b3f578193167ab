// vnie/normalize.h — Vietnamese text normalization with exact offset maps.
//
// `Normalizer::normalize()` turns UTF-8 input into two views:
//   * the normalized view: Unicode NFC, one canonical tone-mark placement,
//     misplaced tone marks repaired, legacy characters fixed, invisible
//     characters removed and odd spaces made plain;
//   * the folded view: the normalized view in lower case with diacritics
//     removed and đ→d, with exactly as many code points as the normalized
//     view, for accent-insensitive matching;
// and maps every byte position of either view back to a byte offset into the
// caller's ORIGINAL input. Invalid UTF-8 never stops normalization: each bad
// sequence becomes U+FFFD in the views and a Warning with its byte offset.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "vnie/export.h"
#include "vnie/status.h"

namespace vnie {

/// Where the tone mark goes in the open syllables oa, oe, uy (and their
/// upper-case forms). Syllables with a final consonant or a vowel that carries
/// its own diacritic have one correct placement whatever the style.
enum class ToneStyle {
  traditional,  ///< hòa, khỏe, thủy, ủy (the default)
  modern,       ///< hoà, khoẻ, thuỷ, uỷ
  keep,         ///< leave oa/oe/uy placements as written
};

/// Options for Normalizer. Defaults are what vnie uses for extraction.
struct NormalizeOptions {
  /// Canonical placement for oa/oe/uy. Default: traditional.
  ToneStyle tone_style = ToneStyle::traditional;
  /// Move tone marks typed on the wrong vowel of a syllable ("hòan"→"hoàn",
  /// "baỏ"→"bảo", "lựơng"→"lượng"). Default: on. Valid words never change.
  bool repair_misplaced_tones = true;
};

/// Which side of a removed or rewritten region a position maps to.
enum class Edge {
  start,  ///< the position begins a span: map past deleted characters
  end,    ///< the position ends a span: map before deleted characters
};

/// A monotonic map from byte positions of a derived string to byte positions
/// of the string it was derived from. Runs copied unchanged map one to one;
/// a rewritten run maps its inside to the run's source edges.
///
/// At a run boundary both edges agree, except next to a deletion (a change
/// with dst_len 0, e.g. a removed zero-width space): there Edge::start maps
/// past the deleted source bytes and Edge::end before them, so a span never
/// begins or ends with removed characters. The map stores one entry per
/// rewritten run (an unchanged input costs O(1) memory) and answers map() by
/// binary search.
class VNIE_API OffsetMap {
 public:
  /// The identity map over `size` bytes.
  static OffsetMap identity(std::size_t size);

  /// Appends `len` bytes copied unchanged from the source.
  void append_copy(std::size_t len);
  /// Appends `dst_len` derived bytes that replace `src_len` source bytes
  /// (either may be 0: an insertion or a deletion).
  void append_change(std::size_t dst_len, std::size_t src_len);

  std::size_t derived_size() const noexcept { return dst_size_; }
  std::size_t source_size() const noexcept { return src_size_; }

  /// Source position of derived position `pos` (0 ≤ pos ≤ derived_size()).
  /// Inside a rewritten run: its source start for Edge::start, its source end
  /// for Edge::end. Positions past the end are clamped.
  std::size_t map(std::size_t pos, Edge edge) const noexcept;

  /// Composes two maps: (*this: B→A) after (inner: C→B) gives C→A.
  /// Requires inner.source_size() == derived_size(). Unchanged runs of both
  /// stay one to one; rewritten runs of either side that overlap in B merge
  /// into one rewritten run, so the result is never finer than its inputs.
  OffsetMap compose(const OffsetMap& inner) const;

 private:
  // The normalizer's passes build maps in bulk through this (src/lib).
  friend class OffsetMapWriter;

  // Entry i: derived bytes [dst, dst + change_dst) replace source bytes
  // [src, src + change_src) (a rewritten run; both lengths may be 0), then
  // everything up to the next entry (or the end) is copied unchanged.
  // Entries are ordered by dst and by src; the first starts at (0, 0). No
  // entries: the identity over dst_size_ == src_size_ bytes. Packed in 16
  // bytes: positions below 2^48, run lengths below 2^16 (longer runs are
  // stored as several consecutive runs).
  struct Entry {
    static constexpr int kLengthShift = 48;
    static constexpr std::uint64_t kPositionMask = (std::uint64_t{1} << kLengthShift) - 1;
    static constexpr std::size_t kMaxLength = 0xFFFF;

    Entry() noexcept {}  // left uninitialized: bulk writers fill entries in place
    constexpr Entry(std::size_t dst, std::size_t src, std::size_t change_dst,
                    std::size_t change_src) noexcept
        : dst_(static_cast<std::uint64_t>(dst) |
               (static_cast<std::uint64_t>(change_dst) << kLengthShift)),
          src_(static_cast<std::uint64_t>(src) |
               (static_cast<std::uint64_t>(change_src) << kLengthShift)) {}

    std::size_t dst() const noexcept { return static_cast<std::size_t>(dst_ & kPositionMask); }
    std::size_t src() const noexcept { return static_cast<std::size_t>(src_ & kPositionMask); }
    std::size_t change_dst() const noexcept {
      return static_cast<std::size_t>(dst_ >> kLengthShift);
    }
    std::size_t change_src() const noexcept {
      return static_cast<std::size_t>(src_ >> kLengthShift);
    }

    std::uint64_t dst_;
    std::uint64_t src_;
  };
  std::vector<Entry> entries_;
  std::size_t dst_size_ = 0;
  std::size_t src_size_ = 0;
};

/// Which view of a NormalizedText a position or pattern refers to.
enum class View { normalized, folded };

/// The result of normalization. Plain data; cheap to move.
struct VNIE_API NormalizedText {
  std::string text;     ///< the normalized view (valid UTF-8)
  std::string folded;   ///< the folded view (valid UTF-8, same code point count as text)
  OffsetMap text_map;   ///< text byte positions → original input byte offsets
  OffsetMap folded_map; ///< folded byte positions → text byte positions
  std::vector<Warning> warnings;  ///< e.g. each invalid UTF-8 sequence, in input order

  /// Maps the span [start, end) of a view to [start, end) in the original
  /// input. Never fails; positions are clamped to the view.
  std::pair<std::size_t, std::size_t> to_original(View view, std::size_t start,
                                                  std::size_t end) const noexcept;
};

/// Normalizes Vietnamese UTF-8 text. Construct once and share: `normalize()`
/// is const and safe to call from many threads at once.
class VNIE_API Normalizer {
 public:
  explicit Normalizer(NormalizeOptions options = {});

  const NormalizeOptions& options() const noexcept { return options_; }

  /// Normalizes `input` (any bytes: invalid UTF-8 is replaced and warned
  /// about). Throws only std::bad_alloc.
  NormalizedText normalize(std::string_view input) const;

  /// The folded form of `input` alone (lower case, no diacritics, đ→d),
  /// after normalization. Convenience for matching word lists.
  std::string fold(std::string_view input) const;

 private:
  NormalizeOptions options_;
};

/// Stable lower-case name of a tone style ("traditional", "modern", "keep").
VNIE_API const char* to_string(ToneStyle style) noexcept;
/// Parses a tone style name; returns false on an unknown name.
VNIE_API bool parse_tone_style(std::string_view name, ToneStyle& out) noexcept;

}  // namespace vnie
