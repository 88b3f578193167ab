// vnie/encoding.h — legacy Vietnamese encodings: decoding with exact offsets,
// automatic detection, encoding, and extraction from encoded bytes.
//
//   vnie::Decoded d;
//   vnie::Status st = vnie::decode(bytes, vnie::Encoding::auto_detect, &d);
//   // d.text is UTF-8 NFC; d.encoding says what was used; d.unsure flags a guess
//   auto [s, e] = d.to_original(start, end);   // a span of d.text → bytes of `bytes`
//
//   vnie::Document doc;
//   st = vnie::extract_encoded(*ex, bytes, vnie::Encoding::tcvn3, {"doc-1", {}}, &doc);
//   // every offset in doc is into `bytes`; mention text is UTF-8
//
// The encodings, their tables and the detection are described in
// docs/encodings.md. Every function here is thread-safe and never throws but
// std::bad_alloc.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "vnie/document.h"
#include "vnie/export.h"
#include "vnie/extractor.h"
#include "vnie/normalize.h"
#include "vnie/status.h"

namespace vnie {

/// A byte encoding of Vietnamese text.
enum class Encoding {
  utf8,         ///< UTF-8 (invalid sequences become U+FFFD with a warning)
  cp1258,       ///< Windows-1258: letters plus combining tone-mark bytes (ICU's converter)
  tcvn3,        ///< TCVN 5712:1993 "ABC" (VN3 letters; the VN1 capitals where VN3 has none)
  vni,          ///< VNI-Windows: a base letter byte followed by a mark byte
  viqr,         ///< RFC 1456 VIetnamese Quoted-Readable (7-bit ASCII mnemonics)
  auto_detect,  ///< detect one of the above (decode() only; see Decoded::unsure)
};

/// Stable name: "utf-8", "cp1258", "tcvn3", "vni", "viqr", "auto".
VNIE_API const char* to_string(Encoding e) noexcept;

/// Parses an encoding name, ASCII case-insensitively: "utf-8", "utf8",
/// "cp1258", "windows-1258", "tcvn3", "abc", "vni", "viqr", "auto". Returns
/// false (leaving *out unchanged) on an unknown name or a null `out`.
VNIE_API bool parse_encoding(std::string_view name, Encoding* out) noexcept;

/// How well one candidate encoding explains a document (auto-detection).
struct EncodingScore {
  Encoding encoding = Encoding::utf8;
  /// Share of the scored words that are valid Vietnamese syllables, in [0, 1].
  double score = 0;
  /// Words scored: those holding a non-ASCII character after decoding (for
  /// VIQR: those that its marks changed).
  std::size_t words = 0;
  // For ASCII input, utf-8 is the fallback when VIQR does not fit: it is not
  // scored, and its score is 1 when chosen, 0 otherwise.
};

/// The result of decode(). Plain data; cheap to move.
struct VNIE_API Decoded {
  std::string text;  ///< the decoded text: valid UTF-8, NFC
  /// The encoding used: the requested one, or for Encoding::auto_detect the
  /// one detected (never auto_detect).
  Encoding encoding = Encoding::utf8;
  /// Set only by auto-detection: no candidate was clearly best (the top two
  /// scored close, or the best scored low). A warning then says so.
  bool unsure = false;
  /// Auto-detection: the chosen candidate's EncodingScore::score (1 for input
  /// that is valid UTF-8 with non-ASCII letters; for pure ASCII text that is
  /// not VIQR, 1). For an explicit encoding: 0 (not computed).
  double score = 0;
  /// Auto-detection: the candidates scored, the chosen one first (empty when
  /// none was needed: valid UTF-8 with Vietnamese letters, or an explicit
  /// encoding). Invalid UTF-8 scores tcvn3, vni, cp1258 and utf-8; ASCII
  /// scores viqr against plain text (utf-8).
  std::vector<EncodingScore> candidates;
  /// Problems that did not stop decoding, in input order, with byte offsets
  /// in the ORIGINAL input: each undecodable byte or sequence, replaced by
  /// U+FFFD (ErrorCode::invalid_utf8, whatever the encoding); each VNI mark
  /// byte that follows no vowel, kept as a combining mark (invalid_utf8); and,
  /// first, the auto-detection warning when unsure (invalid_argument, offset 0).
  std::vector<Warning> warnings;
  /// text byte positions → original input byte offsets. A decoded character
  /// maps to exactly the input bytes it came from (several bytes for a VNI
  /// base + mark pair, a CP1258 letter + tone mark, a VIQR letter + marks).
  OffsetMap map;

  /// Input byte offset of text position `pos` (clamped to text.size());
  /// see OffsetMap::map for the edges.
  std::size_t to_original(std::size_t pos, Edge edge) const noexcept { return map.map(pos, edge); }
  /// The input bytes [start, end) that the text span [start, end) came from
  /// (start with Edge::start, end with Edge::end; end never before start).
  std::pair<std::size_t, std::size_t> to_original(std::size_t start,
                                                  std::size_t end) const noexcept;
};

/// Decodes `bytes` in encoding `enc` (or detects it, for auto_detect) into
/// `*out`, which is replaced. Any bytes are accepted: NUL bytes are kept
/// (U+0000); bytes the encoding does not define become U+FFFD with a warning.
/// Fails with invalid_argument only for a null `out` or an enum value out of
/// range, with input_too_large only if `bytes` is 2^48 bytes or more.
VNIE_API Status decode(std::string_view bytes, Encoding enc, Decoded* out);

/// Encodes `utf8` (first decoded as UTF-8 and put in NFC; an invalid
/// sequence is U+FFFD) into `enc` (not auto_detect), replacing *out.
/// Characters the encoding lacks are written as an ASCII stand-in (“ ” « » →
/// ", ‘ ’ → ', – — → -, … → ..., NBSP → space) or else '?', each with an
/// ErrorCode::invalid_argument warning at its byte offset in `utf8` when
/// `warnings` is given (invalid UTF-8 adds invalid_utf8 warnings for
/// utf8). decode(encode(s), enc) == NFC(s) for text the encoding can
/// represent; for VIQR, see docs/encodings.md for the few words it cannot
/// (a word with two tone marks, a tone ending a word that is no syllable).
/// Fails with invalid_argument for a null `out` or auto_detect.
VNIE_API Status encode(std::string_view utf8, Encoding enc, std::string* out,
              std::vector<Warning>* warnings = nullptr);

/// Decodes `bytes` (as decode() does), runs `ex.extract()` on the UTF-8 text,
/// and rewrites every offset of `*out` — mention and event start/end, warning
/// byte offsets — to byte offsets into the ORIGINAL `bytes`. Mention `text`
/// stays UTF-8: it is the decoded text of the mention, not
/// bytes.substr(start, end - start) (which is in the legacy encoding). The
/// decoder's warnings come first in out->warnings, then the extractor's.
/// When `decoded` is given it receives the decoding (text, map, encoding
/// chosen, unsure). Fails as decode() or extract() fail (input_too_large for
/// a decoded text over the extractor's limit).
VNIE_API Status extract_encoded(const Extractor& ex, std::string_view bytes, Encoding enc,
                       const DocumentInfo& info, Document* out, Decoded* decoded = nullptr);

}  // namespace vnie
