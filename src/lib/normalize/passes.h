// normalize/passes.h — the passes Normalizer::normalize() chains.
//
//   scan_input   one fast read of the input: is there anything to do at all?
//   clean_text   invalid UTF-8 → U+FFFD, invisible characters removed, odd
//                spaces → ' ', ð/Ð → đ/Đ
//   compose_nfc  ICU NFC, only over the spans around non-plain characters
//   place_tones  canonical tone placement (normalize/tone.h)
//   fold_text    the folded view; on raw input it doubles as the check that
//                nothing else needs to run (the fast path)
//
// Each rewriting pass maps its output back to its input with an OffsetMap;
// Normalizer composes them. A pass that changes nothing leaves its output
// empty and says so, so unchanged text is never copied between passes.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "vnie/normalize.h"
#include "vnie/status.h"

namespace vnie::norm {

/// What scan_input() found.
struct InputScan {
  /// Offset of the first byte clean_text() must change; npos if none.
  std::size_t cleanup_from = std::string_view::npos;
  /// Whether a character that may change under NFC occurs before
  /// cleanup_from (after it, compose_nfc() must run anyway).
  bool needs_nfc = false;
};

/// Reads `in` once, by bytes and a per-character class table (no ICU call,
/// no copy), stopping at the first thing clean_text() must change.
InputScan scan_input(std::string_view in) noexcept;

/// Cleans `in` from byte `from` on (everything before is known clean) into
/// `out`, with `map` (out → in). Each maximal ill-formed subpart becomes
/// U+FFFD and adds an invalid_utf8 warning with its offset in `in`.
void clean_text(std::string_view in, std::size_t from, std::string& out, OffsetMap& map,
                std::vector<Warning>& warnings);

/// Composes the valid UTF-8 `in` to NFC with ICU, passing only the spans
/// around characters that are not NFC-plain through ICU (in UTF-8, with
/// icu::Edits giving exact change boundaries). Returns false, with `out` and
/// `map` empty, when nothing changes. If ICU fails on a span, that span is
/// kept as written and an internal warning (offset in `in`) is added.
bool compose_nfc(std::string_view in, std::string& out, OffsetMap& map,
                 std::vector<Warning>& warnings);

/// Builds the folded view of `text`: one code point for each code point
/// (CharTables::fold), with `map` (folded → text); code points whose folded
/// form has the same UTF-8 length map one to one.
///
/// With `verify` null, `text` must be valid UTF-8 (a normalized text); the
/// function then always returns true. With `verify` set, `text` is raw input
/// and the same single pass also checks that normalizing it with *verify
/// would change nothing: valid UTF-8, only CharClass::plain characters, and
/// no syllable whose tone mark misplaced_tone() moves. It returns false as
/// soon as a check fails, with the offset of the character that failed it in
/// *failed_at (if given); `folded` and `map` are then unspecified. This is
/// the fast path: for clean text nothing else runs.
bool fold_text(std::string_view text, const NormalizeOptions* verify, std::string& folded,
               OffsetMap& map, std::size_t* failed_at = nullptr);

}  // namespace vnie::norm
