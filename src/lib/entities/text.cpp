#include <unicode/uchar.h>

#include <algorithm>

#include "entities/entities.h"
#include "rules/lexicon.h"
#include "text/unicode.h"

namespace vnie::detail::entities {
namespace {

bool is_word_byte_char(char32_t c) {
  return is_word_char(c) || c == U'&' || c == U'-' || c == U'/' || c == U'.' || c == U'\'';
}

}  // namespace

bool has_upper_run(std::string_view s) {
  int run = 0;
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t len = 0;
    const char32_t c = decode_at(s, i, len);
    i += len == 0 ? 1 : len;
    if (c == U' ') {
      run = 0;
      continue;
    }
    if (u_isupper(static_cast<UChar32>(c)) != 0 && ++run >= 2) return true;
  }
  return false;
}

std::string squeeze(std::string_view s) { return collapse_spaces(s); }

std::vector<std::string_view> words_before(std::string_view text, std::size_t pos,
                                           std::size_t n) {
  std::vector<std::string_view> out;
  std::size_t i = pos;
  while (out.size() < n && i > 0) {
    // skip blanks
    while (i > 0 && (text[i - 1] == ' ' || text[i - 1] == '\t')) --i;
    if (i == 0) break;
    const std::size_t end = i;
    while (i > 0) {
      const char32_t c = decode_before(text, i);
      if (!is_word_byte_char(c)) break;
      // step back one code point
      std::size_t j = i - 1;
      while (j > 0 && (static_cast<unsigned char>(text[j]) & 0xC0) == 0x80) --j;
      i = j;
    }
    if (i == end) break;  // punctuation: stop
    out.push_back(text.substr(i, end - i));
  }
  std::reverse(out.begin(), out.end());
  return out;
}

std::string_view word_after(std::string_view text, std::size_t pos) {
  std::size_t i = pos;
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
  const std::size_t b = i;
  while (i < text.size()) {
    std::size_t len = 0;
    const char32_t c = decode_at(text, i, len);
    if (!is_word_byte_char(c) || c == U'.') break;
    i += len == 0 ? 1 : len;
  }
  return text.substr(b, i - b);
}

const LexEntry* find(const Match& m, std::string_view list, std::string_view text) {
  if (text.empty()) return nullptr;
  return m.lexicon().lookup(list, text);
}

bool preceded_by(const Match& m, std::size_t pos, std::string_view list) {
  auto w = words_before(m.document().text, pos, 2);
  if (w.empty()) return false;
  if (find(m, list, w.back())) return true;
  if (w.size() == 2 && find(m, list, join(w, 0, 2))) return true;
  return false;
}

/// True when `s` has letters and none of them is lower case ("NGUYỄN VĂN AN").
bool all_caps(std::string_view s) {
  bool letter = false;
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t len = 0;
    const char32_t c = decode_at(s, i, len);
    i += len == 0 ? 1 : len;
    if (u_islower(static_cast<UChar32>(c)) != 0) return false;
    letter = letter || u_isupper(static_cast<UChar32>(c)) != 0;
  }
  return letter;
}

}  // namespace vnie::detail::entities
