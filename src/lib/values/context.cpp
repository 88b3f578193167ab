#include "values/context.h"

namespace vnie::detail::values {

std::string_view word_before(std::string_view t, std::size_t pos) {
  std::size_t e = pos;
  while (e > 0 && (t[e - 1] == ' ' || t[e - 1] == '\t')) --e;
  std::size_t b = e;
  while (b > 0) {
    const char32_t c = decode_before(t, b);
    if (!is_word_char(c)) break;
    // Step back over one code point.
    std::size_t k = b - 1;
    while (k > 0 && (static_cast<unsigned char>(t[k]) & 0xC0) == 0x80) --k;
    b = k;
  }
  return t.substr(b, e - b);
}

std::string_view word_after(std::string_view t, std::size_t pos) {
  std::size_t b = pos;
  while (b < t.size() && (t[b] == ' ' || t[b] == '\t')) ++b;
  std::size_t e = b;
  while (e < t.size()) {
    std::size_t len = 0;
    const char32_t c = decode_at(t, e, len);
    if (!is_word_char(c)) break;
    e += len;
  }
  return t.substr(b, e - b);
}

std::string_view rest_of_line(std::string_view t, std::size_t pos) {
  if (pos >= t.size()) return {};
  // Bounded, so that a production on a long line does not read to its end.
  constexpr std::size_t kMax = 1024;
  const std::string_view ahead = t.substr(pos, kMax + 1);
  const std::size_t nl = ahead.find('\n');
  if (nl != std::string_view::npos) return ahead.substr(0, nl);
  if (ahead.size() <= kMax) return ahead;
  const std::size_t blank = ahead.rfind(' ', kMax);  // end on a whole word where there is one
  return ahead.substr(0, blank == std::string_view::npos || blank == 0 ? kMax : blank);
}

bool whole_line(const Match& m) {
  // Only blanks between the line start and the match, and blanks or a final
  // stop after it: each scan stops at the first other character, so a long
  // line costs no more than a short one.
  const auto t = view_text(m);
  for (std::size_t i = m.start(); i > 0 && t[i - 1] != '\n'; --i) {
    const char c = t[i - 1];
    if (c != ' ' && c != '\t' && c != '\r') return false;
  }
  for (std::size_t i = m.end(); i < t.size() && t[i] != '\n'; ++i) {
    const char c = t[i];
    if (c != ' ' && c != '\t' && c != '\r' && c != '.' && c != '!' && c != '?') return false;
  }
  return true;
}

std::string lower_collapsed(std::string_view s) { return to_lower(collapse_spaces(s)); }

std::string_view list_attr(const Match& m, std::string_view list, std::string_view text,
                           std::string_view key) {
  const LexEntry* e = m.lexicon().lookup(list, text);
  return e ? e->attr(key) : std::string_view{};
}

Qualifier qualifier_of(const Match& m, std::string_view name) {
  auto q = m.normalized(name);
  if (!q) return Qualifier::exact;
  Qualifier out = Qualifier::exact;
  const auto code = list_attr(m, "qualifiers", *q, "q");
  if (code.empty() || !parse_qualifier(code, out)) return Qualifier::exact;
  return out;
}

}  // namespace vnie::detail::values
