// Decoders of the legacy encodings, with exact offset maps, and decode().
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>

#include <algorithm>
#include <climits>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "encoding/internal.h"
#include "encoding/syllable.h"
#include "encoding/tables.h"
#include "normalize/passes.h"
#include "normalize/utf8.h"
#include "normalize/warnings.h"
#include "text/unicode.h"
#include "vnie/encoding.h"

namespace vnie {

const char* to_string(Encoding e) noexcept {
  switch (e) {
    case Encoding::utf8: return "utf-8";
    case Encoding::cp1258: return "cp1258";
    case Encoding::tcvn3: return "tcvn3";
    case Encoding::vni: return "vni";
    case Encoding::viqr: return "viqr";
    case Encoding::auto_detect: return "auto";
  }
  return "?";
}

bool parse_encoding(std::string_view name, Encoding* out) noexcept {
  if (out == nullptr) return false;
  std::string n;
  for (char c : name) n += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  struct Name {
    std::string_view name;
    Encoding enc;
  };
  constexpr Name kNames[] = {
      {"utf-8", Encoding::utf8},    {"utf8", Encoding::utf8},
      {"cp1258", Encoding::cp1258}, {"windows-1258", Encoding::cp1258},
      {"tcvn3", Encoding::tcvn3},   {"abc", Encoding::tcvn3},
      {"vni", Encoding::vni},       {"viqr", Encoding::viqr},
      {"auto", Encoding::auto_detect},
  };
  for (const Name& k : kNames) {
    if (n == k.name) {
      *out = k.enc;
      return true;
    }
  }
  return false;
}

std::pair<std::size_t, std::size_t> Decoded::to_original(std::size_t start,
                                                         std::size_t end) const noexcept {
  const std::size_t s = map.map(start, Edge::start);
  const std::size_t e = map.map(std::max(start, end), Edge::end);
  return {s, std::max(s, e)};
}

namespace enc {
namespace {

std::string hex_byte(unsigned char b) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "0x%02X", static_cast<unsigned>(b));
  return buf;
}

// Appends decoded characters with their source lengths.
class Builder {
 public:
  Builder(Decoded* out, std::string_view in) : out_(out), in_(in) {
    out_->text.reserve(in.size() + in.size() / 4);
  }
  // One ASCII byte copied as is.
  void ascii(char c) {
    out_->text.push_back(c);
    out_->map.append_copy(1);
  }
  void put(char32_t c, std::size_t src_len) {
    const std::size_t before = out_->text.size();
    detail::append_utf8(out_->text, c);
    out_->map.append_change(out_->text.size() - before, src_len);
  }
  void put2(char32_t a, char32_t b, std::size_t src_len) {
    const std::size_t before = out_->text.size();
    detail::append_utf8(out_->text, a);
    detail::append_utf8(out_->text, b);
    out_->map.append_change(out_->text.size() - before, src_len);
  }
  /// Bytes [offset, offset + src_len) that do not decode: U+FFFD, and a
  /// warning (adjacent ones merged: `what` then names the run).
  void bad(std::size_t offset, std::size_t src_len, std::string message, std::string_view what) {
    put(norm::kReplacementChar, src_len);
    detail::add_undecodable(out_->warnings, in_, offset, src_len, std::move(message), what);
  }

 private:
  Decoded* out_;
  std::string_view in_;
};

void decode_utf8(std::string_view in, Decoded* out) {
  std::size_t bad = 0;
  if (detail::valid_utf8(in, &bad)) {
    out->text.assign(in);
    out->map = OffsetMap::identity(in.size());
    return;
  }
  Builder b(out, in);
  const auto* p = reinterpret_cast<const unsigned char*>(in.data());
  const auto* const end = p + in.size();
  std::size_t i = 0;
  // The valid prefix in one piece.
  out->text.append(in.substr(0, bad));
  out->map.append_copy(bad);
  i = bad;
  while (i < in.size()) {
    char32_t cp = 0;
    const int n = norm::decode_utf8(p + i, end, cp);
    if (n > 0) {
      out->text.append(in.substr(i, static_cast<std::size_t>(n)));
      out->map.append_copy(static_cast<std::size_t>(n));
      i += static_cast<std::size_t>(n);
    } else {
      const auto len = static_cast<std::size_t>(-n);
      b.bad(i, len, "invalid UTF-8 byte " + hex_byte(p[i]) + " replaced by U+FFFD",
            "invalid UTF-8");
      i += len;
    }
  }
}

int tone_of_mark(char32_t c) {
  switch (c) {
    case 0x0300: return 1;
    case 0x0301: return 2;
    case 0x0309: return 3;
    case 0x0303: return 4;
    case 0x0323: return 5;
    default: return 0;
  }
}

void decode_table(std::string_view in, const ByteTable& table, const char* name, Decoded* out) {
  Builder b(out, in);
  for (std::size_t i = 0; i < in.size(); ++i) {
    const auto byte = static_cast<unsigned char>(in[i]);
    const char32_t c = table[byte];
    // A letter and the combining tone mark after it (CP1258's way, and
    // TCVN's 0xB0..0xB4): composed here, which is what NFC would do.
    if (i + 1 < in.size() && c != kUndefined) {
      const int tone = tone_of_mark(table[static_cast<unsigned char>(in[i + 1])]);
      char32_t base = 0;
      int modifier = 0, old_tone = 0;
      if (tone != 0 && split_letter(c, &base, &modifier, &old_tone) && old_tone == 0) {
        const char32_t composed = compose_letter(base, modifier, tone);
        if (composed != 0) {
          b.put(composed, 2);
          ++i;
          continue;
        }
      }
    }
    if (c == byte && byte < 0x80) {
      b.ascii(in[i]);
    } else if (c == kUndefined) {
      b.bad(i, 1, "byte " + hex_byte(byte) + " is not defined in " + name,
            std::string("bytes not defined in ") + name);
    } else {
      b.put(c, 1);
    }
  }
}

char32_t combining_modifier(int modifier) { return modifier == 1 ? 0x0306 : 0x0302; }
char32_t combining_tone(int tone) {
  constexpr char32_t kTones[] = {0, 0x0300, 0x0301, 0x0309, 0x0303, 0x0323};
  return kTones[tone];
}

void decode_vni(std::string_view in, Decoded* out) {
  Builder b(out, in);
  const auto& marks = vni_marks();
  const auto& letters = vni_letters();
  const ByteTable& cp1252 = cp1252_table();
  for (std::size_t i = 0; i < in.size(); ++i) {
    const auto byte = static_cast<unsigned char>(in[i]);
    // A base letter: ASCII vowel, or ơ ư Ơ Ư (single bytes in VNI).
    char32_t base = 0;
    if (byte < 0x80) {
      const char lower = static_cast<char>(byte | 0x20);
      if (lower == 'a' || lower == 'e' || lower == 'i' || lower == 'o' || lower == 'u' ||
          lower == 'y')
        base = byte;
    } else if (byte == 0xF4 || byte == 0xF6 || byte == 0xD4 || byte == 0xD6) {
      base = letters[byte];
    }
    if (base != 0 && i + 1 < in.size()) {
      const VniMark& m = marks[static_cast<unsigned char>(in[i + 1])];
      if (m.is_mark) {
        const char32_t c = compose_letter(base, m.modifier, m.tone);
        if (c != 0) {
          b.put(c, 2);
          ++i;
          continue;
        }
      }
    }
    if (byte < 0x80) {
      b.ascii(in[i]);
    } else if (letters[byte] != 0) {
      b.put(letters[byte], 1);
    } else if (marks[byte].is_mark) {
      // A mark byte after something it cannot go on: the VNI font would draw
      // the mark over that character; keep it as combining marks.
      const VniMark& m = marks[byte];
      if (m.modifier != 0 && m.tone != 0)
        b.put2(combining_modifier(m.modifier), combining_tone(m.tone), 1);
      else
        b.put(m.modifier != 0 ? combining_modifier(m.modifier) : combining_tone(m.tone), 1);
      out->warnings.push_back({ErrorCode::invalid_utf8,
                               "VNI mark byte " + hex_byte(byte) + " does not follow a vowel",
                               i, 1});
    } else if (cp1252[byte] != kUndefined) {
      b.put(cp1252[byte], 1);
    } else {
      b.bad(i, 1, "byte " + hex_byte(byte) + " is not defined in vni", "bytes not defined in vni");
    }
  }
}

bool ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

int viqr_tone(char c) {
  switch (c) {
    case '`': return 1;
    case '\'': return 2;
    case '?': return 3;
    case '~': return 4;
    case '.': return 5;
    default: return 0;
  }
}

// RFC 1456: a mark character is a diacritic iff it can combine with the
// letter before it into a Vietnamese letter; "\" before it keeps it literal.
// Two readings are added, both of which only keep punctuation literal: a word
// takes one tone mark (the '?' of "No^.i?" is a question mark), and marks that
// end a word are diacritics only if the word is then a Vietnamese syllable
// ("ngay." stays ngay + full stop; "Thu?" is still Thủ, as the RFC says;
// modifiers at the end of a word always apply).
// "dd"/"DD"/"Dd" is đ/Đ while the word has no vowel yet (đ begins a
// syllable; LDDLDD is LĐLĐ), so that "address" or "Buddha" stay as written.
void decode_viqr(std::string_view in, Decoded* out) {
  Builder b(out, in);
  const auto* p = reinterpret_cast<const unsigned char*>(in.data());
  const auto* const end = p + in.size();
  std::u32string word;  // letters of the current word, decoded
  bool word_toned = false;
  bool word_voweled = false;
  const auto reset = [&] {
    word.clear();
    word_toned = false;
    word_voweled = false;
  };
  const std::size_t n = in.size();
  std::size_t i = 0;
  while (i < n) {
    const char c = in[i];
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x80) {  // not VIQR: UTF-8 passes through
      char32_t cp = 0;
      const int len = norm::decode_utf8(p + i, end, cp);
      if (len > 0) {
        out->text.append(in.substr(i, static_cast<std::size_t>(len)));
        out->map.append_copy(static_cast<std::size_t>(len));
        i += static_cast<std::size_t>(len);
      } else {
        b.bad(i, static_cast<std::size_t>(-len),
              "byte " + hex_byte(byte) + " is neither VIQR (ASCII) nor UTF-8",
              "bytes neither VIQR (ASCII) nor UTF-8");
        i += static_cast<std::size_t>(-len);
      }
      reset();
      continue;
    }
    if (c == '\\' && i + 1 < n && !word.empty()) {
      const char next = in[i + 1];
      if (kViqrMarks.find(next) != std::string_view::npos || next == '\\' || next == 'd' ||
          next == 'D') {
        b.put(static_cast<unsigned char>(next), 2);
        if (next == 'd' || next == 'D')
          word.push_back(static_cast<unsigned char>(next));
        else
          reset();
        i += 2;
        continue;
      }
    }
    if ((c == 'd' || c == 'D') && !word_voweled && i + 1 < n &&
        (in[i + 1] == 'd' || in[i + 1] == 'D')) {
      const char32_t dd = c == 'D' ? 0x0110 : 0x0111;
      b.put(dd, 2);
      word.push_back(dd);
      i += 2;
      continue;
    }
    const char lower = static_cast<char>(byte | 0x20);
    const bool vowel = ascii_letter(c) && (lower == 'a' || lower == 'e' || lower == 'i' ||
                                           lower == 'o' || lower == 'u' || lower == 'y');
    if (vowel) {
      word_voweled = true;
      char32_t base = byte;
      int modifier = 0, tone = 0;
      std::size_t j = i + 1;
      std::size_t modifier_end = j;  // end of the modifier mark, if any
      if (j < n) {
        const char m = in[j];
        if (m == '(' && lower == 'a') {
          modifier = 1;
          ++j;
        } else if (m == '^' && (lower == 'a' || lower == 'e' || lower == 'o')) {
          modifier = 2;
          ++j;
        } else if (m == '+' && (lower == 'o' || lower == 'u')) {
          base = lower == 'o' ? (c == 'o' ? 0x01A1 : 0x01A0) : (c == 'u' ? 0x01B0 : 0x01AF);
          ++j;
        }
        modifier_end = j;
      }
      if (j < n && !word_toned && viqr_tone(in[j]) != 0) {
        tone = viqr_tone(in[j]);
        ++j;
      }
      if (tone != 0 && (j >= n || !ascii_letter(in[j]))) {
        // A tone mark ends the word: it is one only if it makes a syllable
        // (a modifier, rarely punctuation, is always one: H'Nie^).
        std::u32string w = word;
        w.push_back(compose_letter(base, modifier, tone));
        if (!is_vietnamese_syllable(w)) {
          tone = 0;
          j = modifier_end;
        }
      }
      const char32_t letter = compose_letter(base, modifier, tone);
      if (j == i + 1 || letter == 0) {
        b.ascii(c);
        word.push_back(byte);
        i += 1;
      } else {
        b.put(letter, j - i);
        word.push_back(letter);
        if (tone != 0) word_toned = true;
        i = j;
      }
      continue;
    }
    b.ascii(c);
    if (ascii_letter(c))
      word.push_back(byte);
    else
      reset();
    ++i;
  }
}

}  // namespace

void decode_with(std::string_view bytes, Encoding enc, Decoded* out) {
  out->encoding = enc;
  switch (enc) {
    case Encoding::utf8: decode_utf8(bytes, out); break;
    case Encoding::cp1258: decode_table(bytes, cp1258_table(), "cp1258", out); break;
    case Encoding::tcvn3: decode_table(bytes, tcvn3_table(), "tcvn3", out); break;
    case Encoding::vni: decode_vni(bytes, out); break;
    case Encoding::viqr: decode_viqr(bytes, out); break;
    case Encoding::auto_detect: return;
  }
  // NFC: CP1258 and TCVN3 carry combining tone marks; UTF-8 may be NFD.
  std::string nfc;
  OffsetMap nfc_map;
  std::vector<Warning> nfc_warnings;
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc_instance = icu::Normalizer2::getNFCInstance(status);
  if (U_SUCCESS(status) && nfc_instance != nullptr &&
      nfc_instance->isNormalizedUTF8(
          icu::StringPiece(out->text.data(), static_cast<int32_t>(std::min<std::size_t>(
                                                 out->text.size(), INT32_MAX))),
          status) &&
      U_SUCCESS(status) && out->text.size() <= INT32_MAX)
    return;  // already NFC (one fast read)
  const bool changed = norm::compose_nfc(out->text, nfc, nfc_map, nfc_warnings);
  for (Warning& w : nfc_warnings) {  // offsets into the text before NFC
    w.byte_offset = out->map.map(w.byte_offset, Edge::start);
    out->warnings.push_back(std::move(w));
  }
  if (changed) {
    out->map = out->map.compose(nfc_map);
    out->text = std::move(nfc);
  }
  std::stable_sort(out->warnings.begin(), out->warnings.end(),
                   [](const Warning& a, const Warning& b) { return a.byte_offset < b.byte_offset; });
}

}  // namespace enc
}  // namespace vnie
