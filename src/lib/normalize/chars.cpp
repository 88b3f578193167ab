#include "normalize/chars.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uspoof.h>

#include <memory>
#include <string>

namespace vnie::norm {
namespace {

// The tone-less ASCII letter under each vowel (what folding leaves).
constexpr char32_t kVowelAscii[kVowelCount] = {U'a', U'a', U'a', U'e', U'e', U'i',
                                               U'o', U'o', U'o', U'u', U'u', U'y'};

// Characters removed from the normalized view.
constexpr char32_t kInvisible[] = {0x00AD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF};

bool is_invisible(char32_t c) {
  for (char32_t x : kInvisible) {
    if (x == c) return true;
  }
  return false;
}

UChar32 to_icu(char32_t c) { return static_cast<UChar32>(c); }

// NFC_QC=Yes and ccc=0: nothing before or after can change this character
// except by composing with a following non-plain one.
bool nfc_plain(char32_t c) {
  const UChar32 ic = to_icu(c);
  return u_getIntPropertyValue(ic, UCHAR_NFC_QUICK_CHECK) == UNORM_YES &&
         u_getCombiningClass(ic) == 0;
}

bool is_mark(char32_t c) {
  const auto type = static_cast<UCharCategory>(u_charType(to_icu(c)));
  return u_getCombiningClass(to_icu(c)) != 0 || type == U_NON_SPACING_MARK ||
         type == U_ENCLOSING_MARK || type == U_COMBINING_SPACING_MARK;
}

// Lower case, then the first code point of the canonical decomposition when
// that is an ASCII letter (ü→u, ñ→n); otherwise the lower-case letter.
char32_t latin_fold(char32_t c) {
  const UChar32 lower = u_tolower(to_icu(c));
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  icu::UnicodeString decomposition;
  if (U_SUCCESS(status) && nfd->getDecomposition(lower, decomposition) &&
      decomposition.length() > 0) {
    const UChar32 first = decomposition.char32At(0);
    if (first < 0x80 && u_isalpha(first)) return static_cast<char32_t>(first);
  }
  return static_cast<char32_t>(lower);
}

// ICU's skeleton of one code point (UTF-8), empty when ICU fails.
std::string skeleton(const USpoofChecker* checker, char32_t c) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString text(to_icu(c));
  icu::UnicodeString out;
  uspoof_getSkeletonUnicodeString(checker, 0, text, out, &status);
  std::string utf8;
  if (U_SUCCESS(status)) out.toUTF8String(utf8);
  return utf8;
}

}  // namespace

const CharTables& CharTables::get() {
  static const CharTables tables;  // built once, thread-safe (magic static)
  return tables;
}

CharTables::CharTables() {
  // Look-alikes from ICU's confusables: a Greek or Cyrillic letter (Lu/Ll)
  // whose skeleton is that of exactly one ASCII letter of its case.
  UErrorCode status = U_ZERO_ERROR;
  const std::unique_ptr<USpoofChecker, void (*)(USpoofChecker*)> checker(uspoof_open(&status),
                                                                         uspoof_close);
  if (U_SUCCESS(status) && checker != nullptr) {
    std::string latin[52];
    for (int k = 0; k < 52; ++k) {
      latin[k] = skeleton(checker.get(), static_cast<char32_t>(k < 26 ? 'A' + k : 'a' + k - 26));
    }
    for (char32_t c = kLookalikeStart; c < kLookalikeStart + kLookalikeSize; ++c) {
      const auto type = static_cast<UCharCategory>(u_charType(to_icu(c)));
      if (type != U_UPPERCASE_LETTER && type != U_LOWERCASE_LETTER) continue;
      const std::string s = skeleton(checker.get(), c);
      if (s.empty()) continue;
      const int from = type == U_UPPERCASE_LETTER ? 0 : 26;
      int found = -1, count = 0;
      for (int k = from; k < from + 26; ++k) {
        if (latin[k] == s) {
          found = k;
          ++count;
        }
      }
      if (count == 1) {
        lookalike_[c - kLookalikeStart] =
            static_cast<char>(found < 26 ? 'A' + found : 'a' + found - 26);
      }
    }
  }

  for (char32_t c = 0x80; c < 0x10000; ++c) {
    CharClass cls = CharClass::plain;
    if (c >= 0xD800 && c <= 0xDFFF) {
      cls = CharClass::plain;  // never decoded
    } else if (is_invisible(c)) {
      cls = CharClass::drop;
    } else if (c != 0x20 && u_charType(to_icu(c)) == U_SPACE_SEPARATOR) {
      cls = CharClass::space;
    } else if (legacy_replacement(c) != c) {
      cls = CharClass::replace;
    } else if (fullwidth_ascii(c) != c) {
      cls = CharClass::fullwidth;
    } else if (lookalike(c) != 0) {
      cls = CharClass::confusable;
    } else if (!nfc_plain(c)) {
      cls = CharClass::nfc;
    }
    bmp_class_[c] = cls;
  }

  // Generic facts for both Latin ranges, then the Vietnamese letters on top.
  const auto generic = [](char32_t c) {
    LetterInfo info;
    info.fold = c < 0x80 ? static_cast<char32_t>(u_tolower(to_icu(c))) : latin_fold(c);
    if (is_mark(c)) {
      info.kind = LetterKind::mark;
    } else if (u_isalpha(to_icu(c))) {
      info.kind = LetterKind::other_letter;
      info.upper = u_isupper(to_icu(c)) != 0;
    }
    return info;
  };
  for (char32_t c = 0; c < kLatinEnd; ++c) latin_[c] = generic(c);
  for (char32_t c = 0; c < kExtSize; ++c) latin_ext_[c] = generic(kExtStart + c);

  for (char32_t c = U'a'; c <= U'z'; ++c) {
    LetterInfo info;
    info.kind = LetterKind::consonant;
    info.base = c;
    info.fold = c;
    set_letter(c, info);
    info.upper = true;
    set_letter(c - U'a' + U'A', info);
  }
  for (int upper = 0; upper < 2; ++upper) {
    for (int v = 0; v < kVowelCount; ++v) {
      for (int tone = 0; tone < kToneCount; ++tone) {
        LetterInfo info;
        info.kind = LetterKind::vowel;
        info.vowel = static_cast<Vowel>(v);
        info.tone = static_cast<std::uint8_t>(tone);
        info.upper = upper != 0;
        info.base = kVowelForms[0][v][0];
        info.fold = kVowelAscii[v];
        set_letter(kVowelForms[upper][v][tone], info);
      }
    }
  }
  LetterInfo d_stroke;
  d_stroke.kind = LetterKind::consonant;
  d_stroke.base = U'đ';
  d_stroke.fold = U'd';
  set_letter(U'đ', d_stroke);
  d_stroke.upper = true;
  set_letter(U'Đ', d_stroke);
  // ð/Ð only reach the folded view through fold(); they fold like đ.
  latin_[0x00F0].fold = U'd';
  latin_[0x00D0].fold = U'd';

  const auto pack = [this](char32_t c) -> std::uint32_t {
    std::uint32_t facts = 0;
    const char32_t f = fold(c);
    // Mojibake trails take the general route of the fold, which checks them.
    if (char_class(c) == CharClass::plain && f < 0x800 && !mojibake_trail(c)) {
      facts = f < 0x80 ? f | (1u << 16)
                       : (0xC0u | (f >> 6)) | ((0x80u | (f & 0x3Fu)) << 8) | (2u << 16);
      facts |= fast::kPlain;
    }
    const LetterInfo* info = letter(c);
    if (info != nullptr && info->kind == LetterKind::vowel) {
      facts |= fast::kVowel | (static_cast<std::uint32_t>(info->vowel) << fast::kVowelShift);
      if (info->tone != 0 && (!has_vowel_mark(info->vowel) || info->vowel == kUHorn)) {
        facts |= fast::kSuspicious;
      }
    }
    return facts;
  };
  for (char32_t c = 0x80; c < 0x800; ++c) fast_[c] = pack(c);
  for (char32_t c = 0; c < kExtSize; ++c) fast_[fast::kExtOffset + c] = pack(kExtStart + c);
}

void CharTables::set_letter(char32_t c, const LetterInfo& info) noexcept {
  if (c < kLatinEnd) {
    latin_[c] = info;
  } else if (c - kExtStart < kExtSize) {
    latin_ext_[c - kExtStart] = info;
  }
}

CharClass CharTables::supplementary_class(char32_t c) noexcept {
  return nfc_plain(c) ? CharClass::plain : CharClass::nfc;
}

char32_t CharTables::fold_other(char32_t c) noexcept {
  switch (c) {
    case 0x201C: case 0x201D: case 0x201E: case 0x201F:  // “ ” „ ‟
      return U'"';
    case 0x2018: case 0x2019: case 0x201A: case 0x201B:  // ‘ ’ ‚ ‛
      return U'\'';
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2212:
      return U'-';  // ‐ ‑ ‒ – — −
    default:
      return static_cast<char32_t>(u_tolower(to_icu(c)));
  }
}

}  // namespace vnie::norm
