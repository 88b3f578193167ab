// normalize/tone.h — canonical tone-mark placement in Vietnamese syllables.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "normalize/chars.h"
#include "vnie/normalize.h"

namespace vnie::norm {

/// The longest syllable the tone logic looks at ("nghiêng" has 7 letters).
inline constexpr int kMaxSyllableLetters = 8;

/// Where the tone mark of one syllable belongs.
///
/// `letters[0..count)` are the syllable's letters (consonants and vowels, as
/// LetterInfo from CharTables) and `toned` the index of the one letter that
/// carries a tone mark. The syllable is split into onset (from the Vietnamese
/// onset set, with "qu", and "gi" before another vowel), vowel nucleus (a known
/// Vietnamese vowel cluster, glides included) and final consonant (c ch m n
/// ng nh p t). The tone then goes on:
///   1. the last nucleus vowel with a diacritic of its own (ă â ê ô ơ ư), so
///      ơ in ươ/uơ and ư in ưa/ưi/ưu;
///   2. else, with a final consonant, the last nucleus vowel;
///   3. else, for a 3-vowel nucleus, the middle vowel (oai, oeo, uyu…);
///   4. else, for oa/oe/uy, the first vowel (traditional), the second
///      (modern) or where it is written (keep);
///   5. else the first vowel (ai, ao, ia, ua, ui…).
/// Returns the index of the letter that should carry the tone (== toned when
/// it is placed right), or -1 when the syllable is not a plausible Vietnamese
/// syllable, or when the move is a repair and `repair` is false: such
/// syllables are left as written.
int canonical_tone_index(const LetterInfo* const* letters, int count, int toned, ToneStyle style,
                         bool repair) noexcept;

/// One syllable as the tone logic reads it.
struct Syllable {
  struct Letter {
    const LetterInfo* info;
    std::size_t pos;  // byte offset in the text
    int len;          // bytes
  };
  Letter letters[kMaxSyllableLetters];
  int count = 0;
  int toned = -1;   // the letter that carries the tone mark
  int target = -1;  // the letter that should carry it
};

/// Whether place_tones() can change anything under `options`.
constexpr bool tones_may_change(const NormalizeOptions& options) noexcept {
  return options.tone_style != ToneStyle::keep || options.repair_misplaced_tones;
}

/// Decides whether the tone mark of the letter run text[start, end) (a
/// maximal run of code points with CharTables::letter() kind other than none)
/// must move: the run must have at most kMaxSyllableLetters letters, all
/// Vietnamese consonants and vowels, exactly one tone mark, and
/// canonical_tone_index() must put it elsewhere. Returns true and fills
/// `syllable` when it must; false leaves the run as written.
bool misplaced_tone(std::string_view text, std::size_t start, std::size_t end,
                    const NormalizeOptions& options, Syllable& syllable);

/// The maximal letter run around the letter that starts at byte `pos`:
/// sets [start, end) and returns true, or returns false when the run has
/// more than kMaxSyllableLetters letters (then it is never rewritten).
bool letter_run_around(std::string_view text, std::size_t pos, std::size_t& start,
                       std::size_t& end);

/// The tone pass: rewrites every syllable (maximal run of Latin letters) of
/// `in` whose tone mark misplaced_tone() moves, preserving the case of each
/// letter. `in` must be NFC and valid UTF-8. Returns false, leaving `out` and
/// `map` untouched, when nothing changes; otherwise fills `out` and `map`
/// (out → in), rewriting only the letters from the old to the new tone
/// position.
bool place_tones(std::string_view in, const NormalizeOptions& options, std::string& out,
                 OffsetMap& map);

}  // namespace vnie::norm
