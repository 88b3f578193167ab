// encoding/syllable.h — a compact Vietnamese syllable validator, used to score
// candidate decodings (auto-detection) and to read VIQR marks at word ends.
#pragma once

#include <string_view>

namespace vnie::enc {

/// True when `word` (NFC code points, any case) is one well-formed Vietnamese
/// syllable: an onset from the Vietnamese set, a vowel nucleus from the table
/// of Vietnamese vowel clusters, a final consonant the nucleus allows, at most
/// one tone mark, and (for c ch p t finals) a sắc or nặng tone. A tone on the
/// final glide of an open syllable (ngaỵ for ngạy) is rejected; other
/// placements (hoà/hòa, hòan) are accepted. Letters outside the Vietnamese
/// alphabet (f j w z, other scripts, symbols) make it false.
bool is_vietnamese_syllable(std::u32string_view word) noexcept;

}  // namespace vnie::enc
