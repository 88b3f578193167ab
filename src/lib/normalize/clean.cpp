// scan_input and clean_text.
#include <unicode/uchar.h>

#include <cstdint>
#include <string>

#include "normalize/chars.h"
#include "normalize/passes.h"
#include "normalize/tone.h"
#include "normalize/utf8.h"
#include "normalize/warnings.h"

namespace vnie::norm {
namespace {

std::string invalid_message(const unsigned char* bytes, int len) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string msg = "invalid UTF-8 sequence";
  for (int k = 0; k < len; ++k) {
    msg += ' ';
    msg += kHex[bytes[k] >> 4];
    msg += kHex[bytes[k] & 0xF];
  }
  msg += " replaced by U+FFFD";
  return msg;
}

// ------------------------------------------------------------------ words

// A character of a word: a letter of any script, a combining mark, or an
// invisible character (removed by clean_text(), so it must not split a
// word: the word is then the same when the cleaned text is cleaned again).
bool is_word_char(const CharTables& tables, char32_t c) {
  if (c < 0x80) return static_cast<unsigned char>((c | 0x20) - 'a') < 26;
  if (const LetterInfo* info = tables.letter(c)) {
    if (info->kind != LetterKind::none) return true;
  }
  if (tables.char_class(c) == CharClass::drop) return true;
  const auto ic = static_cast<UChar32>(c);
  return u_isUAlphabetic(ic) != 0 || u_getCombiningClass(ic) != 0 ||
         u_charType(ic) == U_NON_SPACING_MARK;
}

// The code point that ends at byte i (i > 0) and its start; false when the
// bytes before i are not a well-formed code point.
bool decode_before(const unsigned char* data, std::size_t i, char32_t& c, std::size_t& start) {
  std::size_t k = i - 1;
  while (k > 0 && i - k < 4 && (data[k] & 0xC0) == 0x80) --k;
  if (decode_utf8(data + k, data + i, c) != static_cast<int>(i - k)) return false;
  start = k;
  return true;
}

// The end of the word that goes on at byte i.
std::size_t word_end_from(const CharTables& tables, std::string_view in, std::size_t i) {
  const auto* const data = reinterpret_cast<const unsigned char*>(in.data());
  const unsigned char* const stop = data + in.size();
  while (i < in.size()) {
    char32_t c;
    const int len = decode_utf8(data + i, stop, c);
    if (len < 0 || !is_word_char(tables, c)) break;
    i += static_cast<std::size_t>(len);
  }
  return i;
}

// The word (maximal run of word characters) around the code point that
// starts at byte i.
void word_around(const CharTables& tables, std::string_view in, std::size_t i, std::size_t& start,
                 std::size_t& end) {
  const auto* const data = reinterpret_cast<const unsigned char*>(in.data());
  start = i;
  while (start > 0) {
    char32_t c;
    std::size_t k;
    if (!decode_before(data, start, c, k) || !is_word_char(tables, c)) break;
    start = k;
  }
  end = word_end_from(tables, in, i);
}

// A word whose Cyrillic/Greek letters are all look-alikes and that has a
// Latin letter too (a fullwidth one counts): the look-alikes were typed for
// Latin letters.
bool latin_word_with_lookalikes(const CharTables& tables, std::string_view word) {
  const auto* const data = reinterpret_cast<const unsigned char*>(word.data());
  const unsigned char* const stop = data + word.size();
  bool latin = false;
  for (std::size_t k = 0; k < word.size();) {
    char32_t c;
    const int len = decode_utf8(data + k, stop, c);
    if (len < 0) return false;
    k += static_cast<std::size_t>(len);
    c = fullwidth_ascii(c);
    const LetterInfo* info = tables.letter(c);
    if (info != nullptr && info->kind == LetterKind::mark) continue;
    if (info != nullptr && info->kind != LetterKind::none) {
      latin = true;
    } else if (tables.lookalike(c) == 0 && tables.char_class(c) != CharClass::drop) {
      return false;  // a letter of another script: the word is not Latin
    }
  }
  return latin;
}

// Whether the word that begins with ð/Ð is Vietnamese once ð is read as đ:
// every other letter a Vietnamese one (combining marks allowed). "ðồng",
// "ÐBSCL" and "ð" alone are; "ðæt" is not. Icelandic and Faroese words
// never begin with ð: their ð stays, as it does inside any word.
bool vietnamese_with_eth(const CharTables& tables, std::string_view word) {
  const auto* const data = reinterpret_cast<const unsigned char*>(word.data());
  const unsigned char* const stop = data + word.size();
  std::size_t k = 2;  // ð/Ð is two bytes
  while (k < word.size()) {
    char32_t c;
    const int len = decode_utf8(data + k, stop, c);
    if (len < 0) return false;
    k += static_cast<std::size_t>(len);
    const LetterInfo* info = tables.letter(c);
    if (info == nullptr) return false;
    if (info->kind != LetterKind::mark && info->kind != LetterKind::consonant &&
        info->kind != LetterKind::vowel) {
      return false;
    }
  }
  return true;
}

// ------------------------------------------------------------------ marks

// The vowel with the vowel mark U+0302 (circumflex) or U+0306 (breve) on
// the plain vowel `v`; kVowelCount when Vietnamese has no such letter.
Vowel with_vowel_mark(Vowel v, char32_t mark) {
  if (mark == 0x0302) return v == kA ? kACirc : v == kE ? kECirc : v == kO ? kOCirc : kVowelCount;
  if (mark == 0x0306) return v == kA ? kABreve : kVowelCount;
  return kVowelCount;
}

}  // namespace

InputScan scan_input(std::string_view in) noexcept {
  const CharTables& tables = CharTables::get();
  const auto* const data = reinterpret_cast<const unsigned char*>(in.data());
  const unsigned char* const end = data + in.size();
  InputScan scan;
  const unsigned char* p = data;
  while (p < end) {
    p += ascii_run(p, end);
    if (p == end) break;
    char32_t c;
    const int len = decode_utf8(p, end, c);
    if (len < 0) {
      scan.cleanup_from = static_cast<std::size_t>(p - data);
      return scan;
    }
    switch (tables.char_class(c)) {
      case CharClass::plain:
      case CharClass::replace:  // repair_letters()
        break;
      case CharClass::nfc:
        scan.needs_nfc = true;
        break;
      case CharClass::drop:
      case CharClass::space:
      case CharClass::fullwidth:
      case CharClass::confusable:
        scan.cleanup_from = static_cast<std::size_t>(p - data);
        return scan;
    }
    p += len;
  }
  return scan;
}

void clean_text(std::string_view in, std::size_t from, std::string& out, OffsetMap& map,
                std::vector<Warning>& warnings) {
  const CharTables& tables = CharTables::get();
  const auto* const data = reinterpret_cast<const unsigned char*>(in.data());
  const unsigned char* const end = data + in.size();
  out.reserve(in.size() + 8);
  std::size_t flushed = 0;  // `in` is copied to `out` up to here
  // Replaces in[i, i + len) by `replacement` (may be empty).
  const auto change = [&](std::size_t i, std::size_t len, std::string_view replacement) {
    out.append(in, flushed, i - flushed);
    map.append_copy(i - flushed);
    out.append(replacement);
    map.append_change(replacement.size(), len);
    flushed = i + len;
  };
  const auto change_to = [&](std::size_t i, std::size_t len, char32_t c) {
    char buf[4];
    const int n = encode_utf8(c, buf);
    change(i, len, std::string_view(buf, static_cast<std::size_t>(n)));
  };
  // The word of the last look-alike seen, whether it is a Latin word, and
  // its warning (one a word, spanning its look-alikes).
  std::size_t word_start = 0, word_end = 0, word_warning = std::string_view::npos;
  bool word_latin = false;
  std::size_t i = from;
  while (i < in.size()) {
    i += ascii_run(data + i, end);
    if (i == in.size()) break;
    char32_t c;
    const int len = decode_utf8(data + i, end, c);
    if (len < 0) {
      detail::add_undecodable(warnings, in, i, static_cast<std::size_t>(-len),
                              invalid_message(data + i, -len), "invalid UTF-8");
      change(i, static_cast<std::size_t>(-len), "\xEF\xBF\xBD");
      i += static_cast<std::size_t>(-len);
      continue;
    }
    const auto ulen = static_cast<std::size_t>(len);
    switch (tables.char_class(c)) {
      case CharClass::plain:
      case CharClass::nfc:
      case CharClass::replace:
        break;
      case CharClass::drop:
        change(i, ulen, {});
        break;
      case CharClass::space:
        change(i, ulen, " ");
        break;
      case CharClass::fullwidth: {
        // One warning a run of fullwidth forms.
        Warning* last = warnings.empty() ? nullptr : &warnings.back();
        if (last != nullptr && last->code == ErrorCode::fullwidth_folded &&
            last->byte_offset + last->length == i) {
          last->length += ulen;
        } else {
          warnings.push_back(
              {ErrorCode::fullwidth_folded, "fullwidth forms replaced by ASCII", i, ulen});
        }
        change_to(i, ulen, fullwidth_ascii(c));
        break;
      }
      case CharClass::confusable: {
        if (i >= word_end) {
          word_around(tables, in, i, word_start, word_end);
          word_latin =
              latin_word_with_lookalikes(tables, in.substr(word_start, word_end - word_start));
        }
        if (!word_latin) break;
        if (word_warning < warnings.size() && warnings[word_warning].byte_offset >= word_start) {
          warnings[word_warning].length = i + ulen - warnings[word_warning].byte_offset;
        } else {
          word_warning = warnings.size();
          warnings.push_back({ErrorCode::confusable_replaced,
                              "Cyrillic or Greek look-alike letters in a Latin word replaced by "
                              "Latin letters",
                              i, ulen});
        }
        change_to(i, ulen, tables.lookalike(c));
        break;
      }
    }
    i += ulen;
  }
  out.append(in, flushed, in.size() - flushed);
  map.append_copy(in.size() - flushed);
}

bool repair_letters(std::string_view in, std::string& out, OffsetMap& map,
                    std::vector<Warning>& warnings) {
  const CharTables& tables = CharTables::get();
  const auto* const data = reinterpret_cast<const unsigned char*>(in.data());
  const unsigned char* const end = data + in.size();
  // Only U+0302 (CC 82), U+0306 (CC 86), ð (C3 B0) and Ð (C3 90) matter:
  // a byte scan skips the text without them.
  static constexpr unsigned char kFirst[] = {0xC3, 0xCC};
  bool possible = false;
  for (const unsigned char* p = data; !possible; ++p) {
    p = find_byte_of(p, end, kFirst);
    if (end - p < 2) break;
    possible = (p[0] == 0xCC && (p[1] == 0x82 || p[1] == 0x86)) ||
               (p[0] == 0xC3 && (p[1] == 0xB0 || p[1] == 0x90));
  }
  if (!possible) return false;
  std::size_t flushed = 0;  // `in` is copied to `out` up to here
  bool changed = false;
  const auto change_to = [&](std::size_t i, std::size_t len, char32_t c) {
    if (!changed) out.reserve(in.size());
    changed = true;
    out.append(in, flushed, i - flushed);
    map.append_copy(i - flushed);
    const std::size_t before = out.size();
    append_utf8(c, out);
    map.append_change(out.size() - before, len);
    flushed = i + len;
  };
  std::size_t i = 0;
  while (i < in.size()) {
    i += ascii_run(data + i, end);
    if (i == in.size()) break;
    char32_t c;
    const int len = decode_utf8(data + i, end, c);
    if (len < 0) {  // not in valid input; kept
      i += static_cast<std::size_t>(-len);
      continue;
    }
    const auto ulen = static_cast<std::size_t>(len);
    if (c == 0x0302 || c == 0x0306) {
      // A circumflex or breve after a vowel with a tone mark above ("é" +
      // U+0302: the tone was typed first, NFC cannot compose them as both
      // marks have combining class 230), unless more marks follow.
      char32_t base, next = 0;
      std::size_t base_start;
      const LetterInfo* info =
          i > 0 && decode_before(data, i, base, base_start) && base_start >= flushed
              ? tables.letter(base)
              : nullptr;
      if (i + ulen < in.size() && decode_utf8(data + i + ulen, end, next) < 0) next = 0;
      if (info != nullptr && info->kind == LetterKind::vowel && info->tone >= 1 &&
          info->tone <= 4 && u_getCombiningClass(static_cast<UChar32>(next)) == 0) {
        const Vowel v = with_vowel_mark(info->vowel, c);
        if (v != kVowelCount) {
          change_to(base_start, i + ulen - base_start, kVowelForms[info->upper ? 1 : 0][v][info->tone]);
          warnings.push_back({ErrorCode::marks_reordered,
                              "tone mark typed before the circumflex or breve: vowel composed",
                              base_start, i + ulen - base_start});
        }
      }
    } else if (c == 0x00F0 || c == 0x00D0) {
      // ð/Ð for đ/Đ: only where it begins a Vietnamese word.
      char32_t before;
      std::size_t k;
      const bool starts = i == 0 || !decode_before(data, i, before, k) ||
                          !is_word_char(tables, before);
      if (starts && vietnamese_with_eth(tables, in.substr(i, word_end_from(tables, in, i) - i))) {
        change_to(i, ulen, legacy_replacement(c));
        warnings.push_back({ErrorCode::eth_replaced, "ð written for đ in a Vietnamese word", i, ulen});
      }
    }
    i += ulen;
  }
  if (!changed) return false;
  out.append(in, flushed, in.size() - flushed);
  map.append_copy(in.size() - flushed);
  return true;
}

}  // namespace vnie::norm
