// encoding/internal.h — pieces shared by the decoders, the encoders and
// auto-detection (src/lib/encoding).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "vnie/encoding.h"
#include "vnie/normalize.h"
#include "vnie/status.h"

namespace vnie::enc {

/// Decodes with an explicit encoding (not auto_detect) into text, map and
/// warnings of *out (which must be fresh). The text is NFC.
void decode_with(std::string_view bytes, Encoding enc, Decoded* out);

/// Word counts behind EncodingScore, over decoded (valid UTF-8) text.
struct WordCounts {
  std::size_t words = 0;     ///< alphabetic runs
  std::size_t scored = 0;    ///< runs holding a non-ASCII letter
  std::size_t valid = 0;     ///< of those, valid Vietnamese syllables
  std::size_t damaged = 0;   ///< U+FFFD, and non-letters inside a word (c¸c)
  std::size_t modified = 0;  ///< scored words holding ă â ê ô ơ ư or đ
  double score() const {
    const std::size_t d = scored + damaged;
    return d == 0 ? 0.0 : static_cast<double>(valid) / static_cast<double>(d);
  }
};
WordCounts count_words(std::string_view text);

/// The VIQR mark characters (RFC 1456): breve, circumflex, horn, then the
/// five tones (grave, acute, hook, tilde, dot below).
inline constexpr std::string_view kViqrMarks = "(^+`'?~.";

}  // namespace vnie::enc
