// normalize/chars.h — per-character data used by the normalizer passes.
//
// Two kinds of data live here:
//   * constexpr Vietnamese data: the twelve vowel letters and their forms
//     with each of the five tone marks, in both cases;
//   * CharTables, built once from ICU on first use: the cleanup/NFC class of
//     every BMP code point, and letter facts plus the folded form of every
//     code point in the Latin ranges Vietnamese text uses.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

namespace vnie::norm {

/// The twelve Vietnamese vowel letters, without tone.
enum Vowel : std::uint8_t {
  kA, kABreve, kACirc, kE, kECirc, kI, kO, kOCirc, kOHorn, kU, kUHorn, kY,
  kVowelCount
};

/// Tone marks, in the usual order: none (ngang), grave (huyền), acute (sắc),
/// hook above (hỏi), tilde (ngã), dot below (nặng).
inline constexpr int kToneCount = 6;

/// kVowelForms[upper][vowel][tone]: the precomposed letter.
inline constexpr char32_t kVowelForms[2][kVowelCount][kToneCount] = {
    {
        {U'a', U'à', U'á', U'ả', U'ã', U'ạ'},
        {U'ă', U'ằ', U'ắ', U'ẳ', U'ẵ', U'ặ'},
        {U'â', U'ầ', U'ấ', U'ẩ', U'ẫ', U'ậ'},
        {U'e', U'è', U'é', U'ẻ', U'ẽ', U'ẹ'},
        {U'ê', U'ề', U'ế', U'ể', U'ễ', U'ệ'},
        {U'i', U'ì', U'í', U'ỉ', U'ĩ', U'ị'},
        {U'o', U'ò', U'ó', U'ỏ', U'õ', U'ọ'},
        {U'ô', U'ồ', U'ố', U'ổ', U'ỗ', U'ộ'},
        {U'ơ', U'ờ', U'ớ', U'ở', U'ỡ', U'ợ'},
        {U'u', U'ù', U'ú', U'ủ', U'ũ', U'ụ'},
        {U'ư', U'ừ', U'ứ', U'ử', U'ữ', U'ự'},
        {U'y', U'ỳ', U'ý', U'ỷ', U'ỹ', U'ỵ'},
    },
    {
        {U'A', U'À', U'Á', U'Ả', U'Ã', U'Ạ'},
        {U'Ă', U'Ằ', U'Ắ', U'Ẳ', U'Ẵ', U'Ặ'},
        {U'Â', U'Ầ', U'Ấ', U'Ẩ', U'Ẫ', U'Ậ'},
        {U'E', U'È', U'É', U'Ẻ', U'Ẽ', U'Ẹ'},
        {U'Ê', U'Ề', U'Ế', U'Ể', U'Ễ', U'Ệ'},
        {U'I', U'Ì', U'Í', U'Ỉ', U'Ĩ', U'Ị'},
        {U'O', U'Ò', U'Ó', U'Ỏ', U'Õ', U'Ọ'},
        {U'Ô', U'Ồ', U'Ố', U'Ổ', U'Ỗ', U'Ộ'},
        {U'Ơ', U'Ờ', U'Ớ', U'Ở', U'Ỡ', U'Ợ'},
        {U'U', U'Ù', U'Ú', U'Ủ', U'Ũ', U'Ụ'},
        {U'Ư', U'Ừ', U'Ứ', U'Ử', U'Ữ', U'Ự'},
        {U'Y', U'Ỳ', U'Ý', U'Ỷ', U'Ỹ', U'Ỵ'},
    },
};

/// The tone-less lower-case letter of each vowel.
constexpr char32_t vowel_letter(Vowel v) noexcept { return kVowelForms[0][v][0]; }

/// True for ă â ê ô ơ ư: the vowels that carry a diacritic of their own.
constexpr bool has_vowel_mark(Vowel v) noexcept {
  return v == kABreve || v == kACirc || v == kECirc || v == kOCirc || v == kOHorn ||
         v == kUHorn;
}

/// What a code point is to the syllable logic.
enum class LetterKind : std::uint8_t {
  none,          ///< not a letter: ends a syllable
  consonant,     ///< a Vietnamese consonant letter (ASCII consonants, đ)
  vowel,         ///< one of the 72 Vietnamese vowel forms (per case)
  other_letter,  ///< another Latin letter (ü, ñ, ø…): the syllable is foreign
  mark,          ///< a combining mark: the syllable is doubtful
};

/// Facts about one code point of the Latin ranges.
struct LetterInfo {
  LetterKind kind = LetterKind::none;
  Vowel vowel = kA;        ///< when kind == vowel
  std::uint8_t tone = 0;   ///< when kind == vowel: 0..5
  bool upper = false;      ///< an upper-case letter
  char32_t base = 0;       ///< consonant/vowel: lower case without tone ('b', 'đ', 'ê'…)
  char32_t fold = 0;       ///< the folded code point (lower case, no diacritics, đ→d)
};

/// How the cleanup and NFC passes treat a code point.
enum class CharClass : std::uint8_t {
  plain,    ///< NFC_QC=Yes and ccc=0: stable, and a composition boundary
  nfc,      ///< may change under NFC or with its neighbours: ICU decides
  drop,     ///< invisible: U+00AD, U+200B..U+200D, U+2060, U+FEFF
  space,    ///< a Unicode space separator other than U+0020: becomes ' '
  replace,  ///< ð/Ð: → đ/Đ where it begins a Vietnamese word (repair_letters())
  fullwidth,   ///< U+FF01..U+FF5E: becomes its ASCII character (NFKC for these only)
  confusable,  ///< a Cyrillic/Greek letter that looks Latin (CharTables::lookalike()):
               ///< becomes that letter in a Latin word
};

/// Packed per-character facts for the folding loop (CharTables::fast()):
/// bits 0–15 the folded form's UTF-8 bytes (first byte lowest), bits 16–17
/// its length, bits 24–27 the Vowel of a vowel, and these flags.
namespace fast {
inline constexpr std::uint32_t kPlain = 1u << 18;      ///< CharClass::plain, folds to ≤ 2 bytes
inline constexpr std::uint32_t kVowel = 1u << 19;      ///< a Vietnamese vowel
inline constexpr std::uint32_t kSuspicious = 1u << 20; ///< toned a e i o u y, or toned ư
inline constexpr int kVowelShift = 24;
inline constexpr std::size_t kExtOffset = 0x800;       ///< index of U+1E00
inline constexpr std::size_t kSize = 0x900;
}  // namespace fast

/// Tables built once, on first use, from ICU; immutable afterwards and safe to
/// share between threads.
class CharTables {
 public:
  static const CharTables& get();

  /// The class of a non-ASCII scalar value.
  CharClass char_class(char32_t c) const noexcept {
    return c < 0x10000 ? bmp_class_[c] : supplementary_class(c);
  }

  /// Letter facts for U+0000..U+036F and U+1E00..U+1EFF; nullptr elsewhere.
  const LetterInfo* letter(char32_t c) const noexcept {
    if (c < kLatinEnd) return &latin_[c];
    if (c - kExtStart < kExtSize) return &latin_ext_[c - kExtStart];
    return nullptr;
  }

  /// The folded form of `c`: lower case, diacritics removed and đ→d in the
  /// Latin ranges, typographic quotes and dashes made ASCII, otherwise the
  /// simple (one code point) lower-case mapping.
  char32_t fold(char32_t c) const noexcept {
    const LetterInfo* info = letter(c);
    return info != nullptr ? info->fold : fold_other(c);
  }

  /// The ASCII letter that the Greek or Cyrillic letter `c` (U+0370..U+052F)
  /// is confusable with in ICU's confusables data (the same skeleton,
  /// uspoof_getSkeleton) and of the same case: а→a, Р→P, ο→o, Н→H, ν→v…;
  /// 0 for any other code point.
  char32_t lookalike(char32_t c) const noexcept {
    return c - kLookalikeStart < kLookalikeSize
               ? static_cast<char32_t>(static_cast<unsigned char>(lookalike_[c - kLookalikeStart]))
               : 0;
  }

  /// The packed facts (namespace fast) of U+0080..U+07FF at index c and of
  /// U+1E00..U+1EFF at index fast::kExtOffset + (c - U+1E00).
  const std::uint32_t* fast() const noexcept { return fast_.data(); }

 private:
  static constexpr char32_t kLatinEnd = 0x370;
  static constexpr char32_t kExtStart = 0x1E00;
  static constexpr char32_t kExtSize = 0x100;
  static constexpr char32_t kLookalikeStart = 0x370;
  static constexpr char32_t kLookalikeSize = 0x530 - 0x370;

  CharTables();
  static CharClass supplementary_class(char32_t c) noexcept;
  static char32_t fold_other(char32_t c) noexcept;
  void set_letter(char32_t c, const LetterInfo& info) noexcept;

  std::array<CharClass, 0x10000> bmp_class_{};
  std::array<LetterInfo, kLatinEnd> latin_{};
  std::array<LetterInfo, kExtSize> latin_ext_{};
  std::array<std::uint32_t, fast::kSize> fast_{};
  std::array<char, kLookalikeSize> lookalike_{};
};

/// The replacement of a CharClass::replace character (where it is replaced).
constexpr char32_t legacy_replacement(char32_t c) noexcept {
  return c == 0x00F0 ? 0x0111 : c == 0x00D0 ? 0x0110 : c;
}

/// The ASCII character of a fullwidth form U+FF01..U+FF5E; `c` otherwise.
constexpr char32_t fullwidth_ascii(char32_t c) noexcept {
  return c >= 0xFF01 && c <= 0xFF5E ? c - 0xFEE0 : c;
}

/// The byte that Windows-1252 (or, for its five undefined bytes and the C1
/// range, Latin-1) decodes to `c`, for bytes 0x80..0xFF; -1 when no byte
/// 0x80..0xFF decodes to `c`. Text that was UTF-8, read as Windows-1252 and
/// saved again as UTF-8 (mojibake) is made only of such characters and ASCII.
constexpr int cp1252_byte(char32_t c) noexcept {
  if (c >= 0x80 && c <= 0xFF) return static_cast<int>(c);
  switch (c) {
    case 0x20AC: return 0x80;  case 0x201A: return 0x82;  case 0x0192: return 0x83;
    case 0x201E: return 0x84;  case 0x2026: return 0x85;  case 0x2020: return 0x86;
    case 0x2021: return 0x87;  case 0x02C6: return 0x88;  case 0x2030: return 0x89;
    case 0x0160: return 0x8A;  case 0x2039: return 0x8B;  case 0x0152: return 0x8C;
    case 0x017D: return 0x8E;  case 0x2018: return 0x91;  case 0x2019: return 0x92;
    case 0x201C: return 0x93;  case 0x201D: return 0x94;  case 0x2022: return 0x95;
    case 0x2013: return 0x96;  case 0x2014: return 0x97;  case 0x02DC: return 0x98;
    case 0x2122: return 0x99;  case 0x0161: return 0x9A;  case 0x203A: return 0x9B;
    case 0x0153: return 0x9C;  case 0x017E: return 0x9E;  case 0x0178: return 0x9F;
    default: return -1;
  }
}

/// A character that stands for a UTF-8 continuation byte (0x80..0xBF) in
/// mojibake.
constexpr bool mojibake_trail(char32_t c) noexcept {
  const int b = cp1252_byte(c);
  return b >= 0x80 && b <= 0xBF;
}

}  // namespace vnie::norm
