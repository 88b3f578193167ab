// normalize/passes.h — the passes Normalizer::normalize() chains.
//
//   scan_input       one fast read of the input: is there anything to do at all?
//   clean_text       invalid UTF-8 → U+FFFD, invisible characters removed, odd
//                    spaces → ' ', fullwidth forms → ASCII, Cyrillic/Greek
//                    look-alikes in Latin words → Latin
//   compose_nfc      ICU NFC, only over the spans around non-plain characters
//   repair_mojibake  UTF-8 read as Windows-1252 and saved again, decoded (on
//                    clean NFC text; what it decodes is cleaned and composed
//                    again)
//   repair_letters   on NFC text: ð/Ð → đ/Đ where it begins a Vietnamese
//                    word, a tone mark typed before the circumflex or breve
//                    composed
//   place_tones      canonical tone placement (normalize/tone.h)
//   fold_text        the folded view; on raw input it doubles as the check
//                    that nothing else needs to run (the fast path)
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

/// Decodes the runs of `in` that are UTF-8 read as Windows-1252 (or, for
/// its five undefined bytes, Latin-1) and saved again ("Viá»‡t" → "Việt")
/// into `out`, with `map` (out → in): each repaired character maps to all
/// the characters it was read as. A candidate is a character standing for a
/// UTF-8 lead byte followed by characters standing for its continuation
/// bytes, decoding to a plausible Latin character; candidates with only
/// ASCII between them on one line form a run, repaired only when one of its
/// candidates is a Vietnamese letter that clean text cannot hold
/// (docs/normalization.md), with one mojibake_repaired warning (offset and
/// length in `in`). Ill-formed UTF-8 is copied as it is. Returns false, with
/// `out` and `map` untouched, when nothing changes.
bool repair_mojibake(std::string_view in, std::string& out, OffsetMap& map,
                     std::vector<Warning>& warnings);

/// Whether the character at byte `i` of `text` (one that stands for a
/// continuation byte in Windows-1252, mojibake_trail()) may belong to a
/// sequence repair_mojibake() decodes: the fast path's check, true for
/// every sequence the repair may change (and a few it leaves).
bool mojibake_at(std::string_view text, std::size_t i) noexcept;

/// Cleans `in` from byte `from` on (everything before is known clean) into
/// `out`, with `map` (out → in). Each maximal ill-formed subpart becomes
/// U+FFFD and adds an invalid_utf8 warning with its offset in `in`;
/// invisible characters are removed, odd spaces become ' ', fullwidth forms
/// ASCII (a fullwidth_folded warning a run) and the Cyrillic/Greek
/// look-alikes of a Latin word Latin (a confusable_replaced warning a word),
/// each warning with its offset and length in `in`.
void clean_text(std::string_view in, std::size_t from, std::string& out, OffsetMap& map,
                std::vector<Warning>& warnings);

/// Composes the valid UTF-8 `in` to NFC with ICU, passing only the spans
/// around characters that are not NFC-plain through ICU (in UTF-8, with
/// icu::Edits giving exact change boundaries). Returns false, with `out` and
/// `map` empty, when nothing changes. If ICU fails on a span, that span is
/// kept as written and an internal warning (offset in `in`) is added.
bool compose_nfc(std::string_view in, std::string& out, OffsetMap& map,
                 std::vector<Warning>& warnings);

/// On NFC text `in`: ð/Ð (U+00F0/U+00D0, typed for đ/Đ) become đ/Đ where
/// they begin a word whose other letters are all Vietnamese ("ÐBSCL",
/// "ðồng"; not in "Sigurður"); a vowel with a grave, acute, hook or tilde
/// followed by U+0302 or U+0306 (the tone typed before the circumflex or
/// breve, which NFC cannot compose) becomes the composed letter ("é" +
/// U+0302 → "ế"). Each repair adds an eth_replaced or marks_reordered
/// warning with its offset and length in `in`. Returns false, with `out` and
/// `map` untouched, when nothing changes.
bool repair_letters(std::string_view in, std::string& out, OffsetMap& map,
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
