#include "text/unicode.h"

#include <algorithm>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

namespace vnie::detail {

namespace {

bool cont(unsigned char b) { return (b & 0xC0) == 0x80; }

/// Decodes one well-formed sequence at s[i]; 0 length when malformed.
std::size_t decode_valid(std::string_view s, std::size_t i, char32_t& c) noexcept {
  const auto b0 = static_cast<unsigned char>(s[i]);
  const std::size_t n = s.size() - i;
  auto at = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
  if (b0 < 0x80) {
    c = b0;
    return 1;
  }
  if (b0 >= 0xC2 && b0 <= 0xDF && n >= 2 && cont(at(1))) {
    c = (char32_t{b0} & 0x1F) << 6 | (at(1) & 0x3F);
    return 2;
  }
  if (b0 >= 0xE0 && b0 <= 0xEF && n >= 3 && cont(at(1)) && cont(at(2))) {
    c = (char32_t{b0} & 0x0F) << 12 | char32_t{at(1) & 0x3Fu} << 6 | (at(2) & 0x3F);
    if (c < 0x800 || (c >= 0xD800 && c <= 0xDFFF)) return 0;
    return 3;
  }
  if (b0 >= 0xF0 && b0 <= 0xF4 && n >= 4 && cont(at(1)) && cont(at(2)) && cont(at(3))) {
    c = (char32_t{b0} & 0x07) << 18 | char32_t{at(1) & 0x3Fu} << 12 |
        char32_t{at(2) & 0x3Fu} << 6 | (at(3) & 0x3F);
    if (c < 0x10000 || c > 0x10FFFF) return 0;
    return 4;
  }
  return 0;
}

}  // namespace

char32_t decode_at(std::string_view s, std::size_t i, std::size_t& len) noexcept {
  if (i >= s.size()) {
    len = 0;
    return 0;
  }
  char32_t c = 0;
  len = decode_valid(s, i, c);
  if (len == 0) {
    len = 1;
    return U'\uFFFD';
  }
  return c;
}

char32_t decode_before(std::string_view s, std::size_t i) noexcept {
  if (i == 0) return 0;
  std::size_t k = i - 1;
  while (k > 0 && i - k < 4 && cont(static_cast<unsigned char>(s[k]))) --k;
  std::size_t len = 0;
  const char32_t c = decode_at(s, k, len);
  return k + len == i ? c : U'\uFFFD';
}

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000 && !(c >= 0xD800 && c <= 0xDFFF)) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c >= 0x10000 && c <= 0x10FFFF) {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += "\xEF\xBF\xBD";
  }
}

bool is_word_char(char32_t c) noexcept {
  if (c < 0x80) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }
  const auto u = static_cast<UChar32>(c);
  if (u_isalnum(u)) return true;
  const auto type = u_charType(u);
  return type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK ||
         type == U_ENCLOSING_MARK;
}

bool inside_word(std::string_view s, std::size_t pos) noexcept {
  std::size_t len = 0;
  return pos > 0 && pos < s.size() && is_word_char(decode_before(s, pos)) &&
         is_word_char(decode_at(s, pos, len));
}

std::size_t word_end(std::string_view s, std::size_t pos) noexcept {
  while (pos < s.size()) {
    std::size_t len = 0;
    if (!is_word_char(decode_at(s, pos, len))) break;
    pos += std::max<std::size_t>(len, 1);
  }
  return pos;
}

bool at_word_boundaries(std::string_view s, std::size_t start, std::size_t end) noexcept {
  return start >= end || (!inside_word(s, start) && !inside_word(s, end));
}

bool starts_upper(std::string_view s) {
  if (s.empty()) return false;
  std::size_t len = 0;
  return u_isupper(static_cast<UChar32>(decode_at(s, 0, len))) != 0;
}

std::string to_lower(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      out += static_cast<char>(b >= 'A' && b <= 'Z' ? b + 32 : b);
      ++i;
      continue;
    }
    std::size_t len = 0;
    const char32_t c = decode_at(s, i, len);
    append_utf8(out, static_cast<char32_t>(u_tolower(static_cast<UChar32>(c))));
    i += len;
  }
  return out;
}

std::string to_nfc(std::string_view s) {
  if (!valid_utf8(s)) return std::string(s);
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return std::string(s);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  icu::UnicodeString n = nfc->normalize(u, status);
  if (U_FAILURE(status)) return std::string(s);
  std::string out;
  n.toUTF8String(out);
  return out;
}

bool valid_utf8(std::string_view s, std::size_t* bad_offset) noexcept {
  for (std::size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    char32_t c = 0;
    const std::size_t len = decode_valid(s, i, c);
    if (len == 0) {
      if (bad_offset) *bad_offset = i;
      return false;
    }
    i += len;
  }
  return true;
}

std::string_view trim(std::string_view s) noexcept {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  const auto e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

std::size_t count_words(std::string_view s) noexcept {
  std::size_t n = 0;
  bool in = false;
  for (char c : s) {
    if (c == ' ') {
      in = false;
    } else if (!in) {
      in = true;
      ++n;
    }
  }
  return n;
}

std::vector<std::string_view> split_words(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    const std::size_t b = i;
    while (i < s.size() && s[i] != ' ' && s[i] != '\t') ++i;
    if (i > b) out.push_back(s.substr(b, i - b));
  }
  return out;
}

std::string join(const std::vector<std::string_view>& words, std::size_t from, std::size_t to) {
  std::string out;
  for (std::size_t k = from; k < to && k < words.size(); ++k) {
    if (!out.empty()) out += ' ';
    out.append(words[k]);
  }
  return out;
}

std::string collapse_spaces(std::string_view s) {
  std::string out;
  bool space = false;
  for (char ch : s) {
    if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += ch;
  }
  return out;
}

}  // namespace vnie::detail
