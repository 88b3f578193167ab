#include "rules/restore.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <cctype>

#include "rules/ruleset.h"
#include "text/unicode.h"

namespace vnie::detail {

namespace {

bool is_letter(char32_t c) { return u_isalpha(static_cast<UChar32>(c)) != 0; }

/// A letter that carries a Vietnamese diacritic, or đ/Đ.
bool is_marked_letter(char32_t c) {
  return c >= 0xC0 && c <= 0x1EF9 && is_letter(c) && c != 0xD7 && c != 0xF7;
}

struct Word {
  std::size_t start, end;  // bytes
};

/// The words (runs of letters) of `s`.
std::vector<Word> words_of(std::string_view s) {
  std::vector<Word> out;
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t len = 0;
    const char32_t c = decode_at(s, i, len);
    if (!is_letter(c)) {
      i += std::max<std::size_t>(len, 1);
      continue;
    }
    const std::size_t b = i;
    while (i < s.size()) {
      const char32_t d = decode_at(s, i, len);
      if (!is_letter(d) && !(d >= 0x300 && d <= 0x36F)) break;
      i += std::max<std::size_t>(len, 1);
    }
    out.push_back({b, i});
  }
  return out;
}

bool is_number_token(std::string_view s, std::size_t pos, bool before) {
  // The non-blank character just before `pos` (before) or at/after it is a digit.
  if (before) {
    std::size_t i = pos;
    while (i > 0 && s[i - 1] == ' ') --i;
    return i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9';
  }
  std::size_t i = pos;
  while (i < s.size() && s[i] == ' ') ++i;
  if (i < s.size() && s[i] >= '0' && s[i] <= '9') return true;
  // A Roman numeral ("khoa XV", "lan thu III").
  std::size_t j = i;
  while (j < s.size() && std::string_view("IVXLC").find(s[j]) != std::string_view::npos) ++j;
  return j > i && (j == s.size() || !std::isalpha(static_cast<unsigned char>(s[j])));
}

/// `form` (lower case) with the case pattern of `original`: ALL CAPS,
/// Capitalized, or as is.
std::string apply_case(std::string_view original, std::string_view form) {
  std::size_t n_letters = 0, n_upper = 0;
  bool first_upper = false;
  for (std::size_t i = 0; i < original.size();) {
    std::size_t len = 0;
    const char32_t c = decode_at(original, i, len);
    if (is_letter(c)) {
      const bool up = u_isupper(static_cast<UChar32>(c)) != 0;
      if (n_letters == 0) first_upper = up;
      ++n_letters;
      if (up) ++n_upper;
    }
    i += std::max<std::size_t>(len, 1);
  }
  const bool all_caps = n_letters > 1 && n_upper == n_letters;
  if (!all_caps && !first_upper) return std::string(form);
  std::string out;
  bool first = true;
  for (std::size_t i = 0; i < form.size();) {
    std::size_t len = 0;
    const char32_t c = decode_at(form, i, len);
    char32_t d = c;
    if (is_letter(c) && (all_caps || first)) d = static_cast<char32_t>(u_toupper(static_cast<UChar32>(c)));
    if (is_letter(c)) first = false;
    append_utf8(out, d);
    i += std::max<std::size_t>(len, 1);
  }
  return out;
}

/// A plausible Vietnamese syllable written in a pattern: 1–7 letters, at most
/// three of them marked, lower case or capitalized (not a character class
/// such as "àáảãạ").
bool plausible_word(std::string_view w) {
  std::size_t n = 0, marked = 0, upper_after_first = 0;
  for (std::size_t i = 0; i < w.size();) {
    std::size_t len = 0;
    const char32_t c = decode_at(w, i, len);
    if (is_marked_letter(c)) ++marked;
    if (n > 0 && u_isupper(static_cast<UChar32>(c))) ++upper_after_first;
    ++n;
    i += std::max<std::size_t>(len, 1);
  }
  return n >= 1 && n <= 7 && marked >= 1 && marked <= 3 && upper_after_first == 0;
}

}  // namespace

void Restorer::add_word(const std::string& key, const std::string& form) {
  auto [it, fresh] = words_.try_emplace(key, Entry{form, false});
  if (!fresh && it->second.form != form) it->second.ambiguous = true;
}

void Restorer::add_phrase(const std::string& key, const std::string& form) {
  auto [it, fresh] = phrases_.try_emplace(key, Entry{form, false});
  if (!fresh && it->second.form != form) it->second.ambiguous = true;
}

void Restorer::build(const Lexicon& lexicon, const std::vector<CompiledRule>& rules,
                     const Normalizer& normalizer) {
  normalizer_ = &normalizer;
  auto add_text = [&](std::string_view text, bool words_only) {
    // One tone style ("uỷ" and "ủy" are one word, not two readings of "uy").
    const std::string lower = to_lower(normalizer.normalize(text).text);
    const std::string folded = normalizer.fold(lower);
    const auto ws = words_of(lower);
    const auto fs = words_of(folded);
    if (ws.size() != fs.size() || ws.empty()) return;
    std::string key, form;
    for (std::size_t k = 0; k < ws.size(); ++k) {
      const std::string w = lower.substr(ws[k].start, ws[k].end - ws[k].start);
      const std::string f = folded.substr(fs[k].start, fs[k].end - fs[k].start);
      add_word(f, w);
      key += (k ? " " : "") + f;
      form += (k ? " " : "") + w;
    }
    if (!words_only && ws.size() > 1) {
      add_phrase(key, form);
      max_phrase_words_ = std::max(max_phrase_words_, ws.size());
    }
  };
  for (const std::string& list : lexicon.list_names()) {
    if (list == "restore_context") continue;
    for (const LexEntry& e : lexicon.entries(list)) {
      for (const std::string& f : e.forms) add_text(f, false);
    }
  }
  for (const CompiledRule& r : rules) {
    // The words written in the pattern (macros and lists expanded), and its
    // phrases: words joined by a space, `\s+`, `\s*` or `[ ]+` ("nhiệm kỳ",
    // "lần thứ", "đầu năm").
    const std::string& p = r.expanded;
    std::vector<Word> ws;
    for (const Word& w : words_of(p)) {
      // A word right after a backslash is an escape (\p{Lu}, \s), not text.
      if (!(w.start > 0 && p[w.start - 1] == '\\')) ws.push_back(w);
    }
    std::string phrase;
    std::size_t phrase_words = 0;
    auto flush = [&] {
      if (phrase_words > 1) add_text(phrase, false);
      phrase.clear();
      phrase_words = 0;
    };
    for (std::size_t k = 0; k < ws.size(); ++k) {
      const std::string_view word = std::string_view(p).substr(ws[k].start, ws[k].end - ws[k].start);
      const bool plausible = plausible_word(word);
      if (plausible) add_text(word, true);
      if (phrase_words > 0) {
        const std::string_view sep =
            std::string_view(p).substr(ws[k - 1].end, ws[k].start - ws[k - 1].end);
        if (!(sep == " " || sep == "\\s+" || sep == "\\s*" || sep == "[ ]+" || sep == "\\s")) {
          flush();
        }
      }
      const bool plain = !word.empty() && word.size() <= 7 &&
                         std::all_of(word.begin(), word.end(), [](char ch) { return ch >= 'a' && ch <= 'z'; });
      if (!plausible && !plain) {
        flush();
        continue;
      }
      phrase += (phrase.empty() ? "" : " ") + std::string(word);
      ++phrase_words;
    }
    flush();
  }
  // Surnames: restored when capitalized and followed by a capitalized word
  // ("Nguyen Van An" → "Nguyễn Van An"; "nguyen" alone may be "nguyên").
  for (const LexEntry& e : lexicon.entries("person_surnames")) {
    for (const std::string& f : e.forms) {
      const std::string lower = to_lower(normalizer.normalize(f).text);
      context_[normalizer.fold(lower)].push_back({lower, Context::surname});
    }
  }
  for (const LexEntry& e : lexicon.entries("restore_context")) {
    const std::string_view c = e.attr("context");
    const std::string lower = to_lower(e.canonical);
    if (c == "phrase") {
      add_text(e.canonical, false);
      continue;
    }
    auto& entries = context_[normalizer.fold(lower)];
    // One or more contexts, separated by commas.
    std::size_t from = 0;
    while (from <= c.size()) {
      std::size_t comma = c.find(',', from);
      if (comma == std::string_view::npos) comma = c.size();
      const std::string_view one = c.substr(from, comma - from);
      if (one == "after_number" || one == "both") entries.push_back({lower, Context::after_number});
      if (one == "before_number" || one == "both") entries.push_back({lower, Context::before_number});
      if (one == "before_capital") entries.push_back({lower, Context::before_capital});
      if (one == "after_slash") entries.push_back({lower, Context::after_slash});
      if (one == "default") entries.push_back({lower, Context::always});
      from = comma + 1;
    }
  }
}

bool Restorer::looks_unaccented(std::string_view text) {
  std::size_t letters = 0, marked = 0;
  for (std::size_t i = 0; i < text.size();) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      if ((b | 0x20) >= 'a' && (b | 0x20) <= 'z') ++letters;
      ++i;
      continue;
    }
    std::size_t len = 0;
    const char32_t c = decode_at(text, i, len);
    if (is_letter(c)) {
      ++letters;
      if (is_marked_letter(c)) ++marked;
    } else if (c >= 0x300 && c <= 0x36F) {
      ++marked;  // a combining mark (NFD input)
    }
    i += std::max<std::size_t>(len, 1);
    // There cannot be more letters than bytes: stop once the marks decide.
    if (marked * 200 >= text.size()) return false;
  }
  return letters >= 20 && marked * 200 < letters;
}

Restorer::Result Restorer::restore(std::string_view input) const {
  Result r;
  r.text.reserve(input.size() + input.size() / 8);
  const auto ws = words_of(input);
  // Folded, lower-case keys of the input's words (the input has no marks, so
  // lower-casing is folding but for stray marked letters).
  std::vector<std::string> keys;
  keys.reserve(ws.size());
  for (const Word& w : ws) keys.push_back(normalizer_->fold(input.substr(w.start, w.end - w.start)));
  std::size_t copied = 0;  // input bytes already in r.text
  auto emit = [&](std::size_t in_start, std::size_t in_end, const std::string& form) {
    r.text.append(input.substr(copied, in_start - copied));
    const std::size_t out_start = r.text.size();
    r.text += form;
    r.pieces.push_back({out_start, r.text.size(), in_start, in_end});
    copied = in_end;
    ++r.restored_words;
  };
  // Are words k and k+1 separated by blanks only (part of one phrase)?
  auto joined = [&](std::size_t k) {
    for (std::size_t i = ws[k].end; i < ws[k + 1].start; ++i) {
      if (input[i] != ' ') return false;
    }
    return ws[k + 1].start > ws[k].end;
  };
  std::size_t k = 0;
  while (k < ws.size()) {
    // The longest known phrase starting at word k.
    std::size_t best = 0;
    const Entry* best_entry = nullptr;
    std::string key = keys[k];
    for (std::size_t n = 2; n <= max_phrase_words_ && k + n - 1 < ws.size(); ++n) {
      if (!joined(k + n - 2)) break;
      key += " " + keys[k + n - 1];
      auto it = phrases_.find(key);
      if (it != phrases_.end() && !it->second.ambiguous) {
        best = n;
        best_entry = &it->second;
      }
    }
    if (best_entry) {
      // Restore word by word so that each keeps its own case.
      const auto fw = words_of(best_entry->form);
      for (std::size_t j = 0; j < best && j < fw.size(); ++j) {
        const Word& w = ws[k + j];
        const std::string_view orig = input.substr(w.start, w.end - w.start);
        const std::string form = apply_case(
            orig, std::string_view(best_entry->form).substr(fw[j].start, fw[j].end - fw[j].start));
        if (form != orig) emit(w.start, w.end, form);
      }
      k += best;
      continue;
    }
    const Word& w = ws[k];
    const std::string_view orig = input.substr(w.start, w.end - w.start);
    const std::string* form = nullptr;
    if (auto it = words_.find(keys[k]); it != words_.end() && !it->second.ambiguous) {
      form = &it->second.form;
    }
    if (auto it = context_.find(keys[k]); it != context_.end()) {
      for (const ContextEntry& c : it->second) {
        if ((c.context == Context::after_number && is_number_token(input, w.start, true)) ||
            (c.context == Context::before_number && is_number_token(input, w.end, false)) ||
            c.context == Context::always ||
            (c.context == Context::after_slash && w.start > 0 && input[w.start - 1] == '/') ||
            (c.context == Context::surname && starts_upper(orig) && k + 1 < ws.size() &&
             joined(k) && starts_upper(input.substr(ws[k + 1].start))) ||
            (c.context == Context::before_capital && k + 1 < ws.size() && joined(k) &&
             starts_upper(input.substr(ws[k + 1].start)))) {
          form = &c.form;
          break;
        }
      }
    }
    if (form) {
      const std::string cased = apply_case(orig, *form);
      if (cased != orig) emit(w.start, w.end, cased);
    }
    ++k;
  }
  r.text.append(input.substr(copied));
  return r;
}

std::size_t Restorer::Result::map_to_input(std::size_t pos, Edge edge) const {
  // The last piece that starts at or before pos.
  auto it = std::upper_bound(pieces.begin(), pieces.end(), pos,
                             [](std::size_t p, const Piece& x) { return p < x.out_start; });
  if (it == pieces.begin()) return pos;
  --it;
  if (pos >= it->out_end) return it->in_end + (pos - it->out_end);
  if (pos == it->out_start) return it->in_start;
  return edge == Edge::start ? it->in_start : it->in_end;
}

}  // namespace vnie::detail
