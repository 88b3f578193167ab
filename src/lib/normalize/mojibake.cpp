// repair_mojibake: UTF-8 that was read as Windows-1252 and saved again.
//
// "Việt" is 56 69 E1 BB 87 74 in UTF-8; read as Windows-1252 those bytes are
// "V i á » ‡ t", and saved again as UTF-8 they are "Viá»‡t". Each character
// of such a sequence stands for one byte: the first for a UTF-8 lead byte
// (0xC2..0xF4: Â Ã Ä Å Æ … á â ã …), the others for continuation bytes
// (0x80..0xBF: € ‚ ƒ … ‘ ’ “ ” – — ™ NBSP ¡ … ¿). The repair reads the bytes
// back and decodes them; docs/normalization.md says when it believes them.
#include <unicode/uchar.h>

#include <algorithm>
#include <string>
#include <vector>

#include "normalize/chars.h"
#include "normalize/passes.h"
#include "normalize/utf8.h"

namespace vnie::norm {
namespace {

// What a decoded sequence may be for the repair to be considered at all:
// the letters, marks and punctuation of Latin text, never a character of
// another script that an accident of two legitimate characters could give.
bool plausible(char32_t cp, int len) {
  if (len == 2) {
    return (cp >= 0x00A0 && cp <= 0x017F) ||  // Latin-1 letters and signs, Latin Extended-A
           cp == 0x01A0 || cp == 0x01A1 || cp == 0x01AF || cp == 0x01B0 ||  // Ơ ơ Ư ư
           cp == 0x0300 || cp == 0x0301 || cp == 0x0302 || cp == 0x0303 || cp == 0x0306 ||
           cp == 0x0309 || cp == 0x031B || cp == 0x0323;  // the Vietnamese marks
  }
  if (len == 3) {
    return (cp >= 0x1E00 && cp <= 0x1EFF) ||  // Latin Extended Additional (ạ…ỹ)
           (cp >= 0x2000 && cp <= 0x206F) ||  // general punctuation (“ ” – … •)
           (cp >= 0x20A0 && cp <= 0x20CF) ||  // currency signs (€ ₫)
           (cp >= 0x2100 && cp <= 0x214F) ||  // letterlike symbols (™ №)
           cp == 0xFEFF;                      // a byte order mark
  }
  return cp >= 0x1F000 && cp <= 0x1FAFF;  // emoji
}

bool is_combining(char32_t cp) { return cp >= 0x0300 && cp <= 0x036F; }

bool is_letter(char32_t c) {
  if (c < 0x80) return static_cast<unsigned char>((c | 0x20) - 'a') < 26;
  return u_isUAlphabetic(static_cast<UChar32>(c)) != 0;
}

bool is_lower(char32_t c) {
  if (c < 0x80) return c >= 'a' && c <= 'z';
  return u_isULowercase(static_cast<UChar32>(c)) != 0;
}

// A Vietnamese letter (the 134 of both cases, đ Đ included) or mark.
bool vietnamese(const CharTables& tables, char32_t cp) {
  if (is_combining(cp)) return true;  // plausible() lets only the Vietnamese marks through
  const LetterInfo* info = tables.letter(cp);
  return info != nullptr && (info->kind == LetterKind::vowel || info->kind == LetterKind::consonant);
}

// The code point at byte i of [data, end) (and its length); U+FFFD for an
// ill-formed sequence, 0 at the end.
char32_t char_at(const unsigned char* data, const unsigned char* end, std::size_t i, int& len) {
  if (data + i >= end) {
    len = 0;
    return 0;
  }
  char32_t c;
  len = decode_utf8(data + i, end, c);
  if (len < 0) {
    len = -len;
    return kReplacementChar;
  }
  return c;
}

// The sequence whose lead character starts at i: the bytes its characters
// stand for, decoded. Returns its length in `data` (0 when it is not one),
// with the code point, the number of continuation bytes and whether one of
// them is a plain space that stands for a no-break space, lost or made a
// space by the cleanup ("Ã " for "à", "Â " for U+00A0; only when
// `allow_lost_space`).
std::size_t decode_at(const unsigned char* data, const unsigned char* end, std::size_t i,
                      bool allow_lost_space, char32_t& cp, int& trails, bool& lost_space,
                      char32_t& first_trail) {
  int len = 0;
  const char32_t lead = char_at(data, end, i, len);
  const int b0 = lead == kReplacementChar ? -1 : cp1252_byte(lead);
  if (b0 < 0xC2 || b0 > 0xF4) return 0;
  trails = b0 < 0xE0 ? 1 : b0 < 0xF0 ? 2 : 3;
  unsigned char bytes[4] = {static_cast<unsigned char>(b0), 0, 0, 0};
  std::size_t j = i + static_cast<std::size_t>(len);
  lost_space = false;
  for (int k = 1; k <= trails; ++k) {
    const char32_t t = char_at(data, end, j, len);
    if (len == 0) return 0;
    if (k == 1) first_trail = t;
    int b = t == kReplacementChar ? -1 : cp1252_byte(t);
    if (t == U' ' && allow_lost_space && (b0 == 0xC2 || b0 == 0xC3) && trails == 1) {
      b = 0xA0;
      lost_space = true;
    }
    if (b < 0x80 || b > 0xBF) return 0;
    bytes[k] = static_cast<unsigned char>(b);
    j += static_cast<std::size_t>(len);
  }
  if (decode_utf8(bytes, bytes + trails + 1, cp) != trails + 1) return 0;
  if (!plausible(cp, trails + 1)) return 0;
  return j - i;
}

// One decoded sequence: in[pos, pos + len) stands for the UTF-8 of `cp`.
struct Candidate {
  std::size_t pos;
  std::size_t len;
  char32_t cp;
  bool strong;  // believed on its own; a weak one only in a run with a strong one
};

// The candidates of `in`, left to right, each starting after the last.
void find_candidates(const CharTables& tables, std::string_view in, std::vector<Candidate>& out) {
  const auto* const data = reinterpret_cast<const unsigned char*>(in.data());
  const unsigned char* const end = data + in.size();
  char32_t prev = 0;  // the code point before i, as repaired
  std::size_t i = 0;
  while (i < in.size()) {
    const std::size_t ascii = ascii_run(data + i, end);
    if (ascii != 0) {
      i += ascii;
      prev = data[i - 1];
      if (i == in.size()) break;
    }
    int len = 0;
    const char32_t c = char_at(data, end, i, len);
    char32_t cp = 0, first_trail = 0;
    int trails = 0;
    bool lost_space = false;
    const std::size_t n = decode_at(data, end, i, true, cp, trails, lost_space, first_trail);
    if (n != 0 && (!is_combining(cp) || is_letter(prev))) {  // a mark needs a base
      int next_len = 0;
      const char32_t next = char_at(data, end, i + n, next_len);
      bool keep = true, strong = false;
      if (lost_space) {
        // Only next to a sure repair; "Ã " only after a letter, before a
        // letter ("Ä‘oÃ n") or the space that followed the no-break space
        // ("vÃ  ").
        keep = cp == 0x00A0 || (is_letter(prev) && (is_letter(next) || next == U' '));
      } else if (!vietnamese(tables, cp)) {
        strong = false;  // punctuation, signs, other Latin letters: never alone
      } else if (trails == 1) {
        // Two characters that clean text could hold at the end of a word
        // ("XÃ”", a capital Ã and a closing quote; "XÃ" and a no-break
        // space) are believed inside a word only: after a lower-case letter
        // ("nhÃ©") or, but for the no-break space, before any letter
        // ("Ã´ng", "Ä‘i").
        strong = is_lower(prev) || (first_trail != 0x00A0 && is_letter(next));
      } else {
        strong = true;  // three or four characters that make a Vietnamese letter
      }
      if (keep) {
        out.push_back({i, n, cp, strong});
        prev = cp;
        i += n;
        continue;
      }
    }
    prev = c;
    i += static_cast<std::size_t>(len);
  }
}

}  // namespace

bool mojibake_at(std::string_view text, std::size_t i) noexcept {
  const auto* const data = reinterpret_cast<const unsigned char*>(text.data());
  const unsigned char* const end = data + text.size();
  // Back over up to three characters: continuation stand-ins, then a lead.
  std::size_t k = i;
  for (int step = 0; step < 3 && k > 0; ++step) {
    std::size_t start = k - 1;
    while (start > 0 && k - start < 4 && (data[start] & 0xC0) == 0x80) --start;
    char32_t c;
    if (decode_utf8(data + start, end, c) != static_cast<int>(k - start)) return false;
    const int b = cp1252_byte(c);
    if (b >= 0xC2 && b <= 0xF4) {
      char32_t cp = 0, first_trail = 0;
      int trails = 0;
      bool lost_space = false;
      return start + decode_at(data, end, start, false, cp, trails, lost_space, first_trail) > i;
    }
    if (b < 0x80 || b > 0xBF) return false;
    k = start;
  }
  return false;
}

bool repair_mojibake(std::string_view in, std::string& out, OffsetMap& map,
                     std::vector<Warning>& warnings) {
  // A run is repaired only for a sure candidate, whose first continuation
  // stand-in mojibake_at() finds. Those characters begin with one of five
  // bytes (C2: U+0080..U+00BF; C5, C6, CB: Œ œ Š š Ÿ Ž ž ƒ ˆ ˜; E2: ‘ ’ “ ”
  // – — … † ‡ • ‰ ‹ › € ™): a byte scan skips the lines without one.
  {
    static constexpr unsigned char kTrailStart[] = {0xC2, 0xC5, 0xC6, 0xCB, 0xE2};
    const auto* const bytes = reinterpret_cast<const unsigned char*>(in.data());
    const unsigned char* const stop = bytes + in.size();
    bool possible = false;
    for (const unsigned char* p = bytes; !possible; ++p) {
      p = find_byte_of(p, stop, kTrailStart);
      if (p == stop) break;
      char32_t c;
      possible = p > bytes && decode_utf8(p, stop, c) > 0 && mojibake_trail(c) &&
                 mojibake_at(in, static_cast<std::size_t>(p - bytes));
    }
    if (!possible) return false;
  }
  std::vector<Candidate> cands;
  find_candidates(CharTables::get(), in, cands);
  if (cands.empty()) return false;
  // Runs: candidates on one line with only what mojibake is made of between
  // them (ASCII, characters of Windows-1252, U+FFFD or ill-formed bytes for
  // a byte that was lost). A run is repaired when one of its candidates is
  // believed on its own.
  const auto* const data = reinterpret_cast<const unsigned char*>(in.data());
  const unsigned char* const end = data + in.size();
  const auto joined = [&](std::size_t from, std::size_t to) {
    while (from < to) {
      const std::size_t ascii = ascii_run(data + from, data + to);
      const std::string_view run = in.substr(from, ascii);
      if (run.find_first_of("\n\r") != std::string_view::npos) return false;
      from += ascii;
      if (from >= to) break;
      int len = 0;
      const char32_t c = char_at(data, end, from, len);
      if (c != kReplacementChar && cp1252_byte(c) < 0x80) return false;
      from += static_cast<std::size_t>(len);
    }
    return true;
  };
  std::size_t flushed = 0;
  bool changed = false;
  for (std::size_t first = 0; first < cands.size();) {
    std::size_t last = first;
    bool strong = cands[first].strong;
    while (last + 1 < cands.size() &&
           joined(cands[last].pos + cands[last].len, cands[last + 1].pos)) {
      ++last;
      strong |= cands[last].strong;
    }
    if (strong) {
      if (!changed) out.reserve(in.size());
      changed = true;
      for (std::size_t k = first; k <= last; ++k) {
        const Candidate& c = cands[k];
        out.append(in, flushed, c.pos - flushed);
        map.append_copy(c.pos - flushed);
        const std::size_t before = out.size();
        append_utf8(c.cp, out);
        map.append_change(out.size() - before, c.len);
        flushed = c.pos + c.len;
      }
      const std::size_t start = cands[first].pos;
      const std::size_t count = last - first + 1;
      warnings.push_back({ErrorCode::mojibake_repaired,
                          "mojibake repaired: " + std::to_string(count) +
                              (count == 1 ? " character" : " characters") +
                              " of UTF-8 read as Windows-1252 and saved again, decoded",
                          start, cands[last].pos + cands[last].len - start});
    }
    first = last + 1;
  }
  if (!changed) return false;
  out.append(in, flushed, in.size() - flushed);
  map.append_copy(in.size() - flushed);
  return true;
}

}  // namespace vnie::norm
