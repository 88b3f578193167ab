#include "entities/repeats.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "entities/entities.h"
#include "text/unicode.h"

namespace vnie::detail::entities {
namespace {

constexpr std::size_t kMaxWords = 6;
constexpr std::string_view kRule = "entities.repeat";

/// A name said again: its type and the value its new mentions take.
struct Said {
  MentionType type;
  Value value;
};

using Names = std::unordered_map<std::string, Said>;

/// A province or a known non-name ("Đà Lạt", "Phú Quốc"): not repeated as a person.
bool a_place(const Lexicon& lexicon, std::string_view name) {
  return lexicon.lookup_exact("provinces", name) != nullptr ||
         lexicon.lookup_exact("person_not_names", name) != nullptr;
}

/// True when a capitalized word or a number touches [s, e) with one blank between: the name
/// is part of a longer one ("Samsung Galaxy", "Toyota Cross", "Google Play").
bool part_of_longer_name(std::string_view t, std::size_t s, std::size_t e) {
  if (e + 1 < t.size() && t[e] == ' ') {
    std::size_t len = 0;
    const char32_t c = decode_at(t, e + 1, len);
    if ((c >= '0' && c <= '9') || starts_upper(t.substr(e + 1, std::max<std::size_t>(len, 1)))) {
      return true;
    }
  }
  if (s >= 2 && t[s - 1] == ' ' && inside_word(t, s - 1) == false) {
    std::size_t w = s - 1;  // the word before: back to its start
    while (w > 0 && t[w - 1] != ' ' && t[w - 1] != '\n') --w;
    const std::string_view before = t.substr(w, s - 1 - w);
    const bool sentence_start = w == 0 || (w >= 2 && (t[w - 2] == '.' || t[w - 2] == '\n'));
    if (!before.empty() && starts_upper(before) && !sentence_start &&
        before.find_first_of(".,;:!?)\"") == std::string_view::npos) {
      return true;
    }
  }
  return false;
}

/// The names of the document's persons and organizations that may be repeated.
Names names_of(const std::vector<Mention>& mentions, const Lexicon& lexicon) {
  Names names;
  for (const Mention& m : mentions) {
    const std::string text = collapse_spaces(m.text);
    if (m.type == MentionType::person) {
      const auto w = split_words(text);
      if (w.size() < 2 || all_caps(text) || a_place(lexicon, text)) continue;
      names.try_emplace(text, Said{m.type, PersonValue{text, {}}});
      if (w.size() >= 3 && !lexicon.lookup_exact("person_middle_names", w[w.size() - 2])) {
        const std::string tail = join(w, w.size() - 2, w.size());
        if (!a_place(lexicon, tail)) names.try_emplace(tail, Said{m.type, PersonValue{tail, {}}});
      }
    } else if (m.type == MentionType::organization) {
      if (!starts_upper(text) || all_caps(text)) continue;  // "công đoàn"; "UBND"
      // org.known finds a listed body wherever it may stand alone; where it did not ("Đảng
      // ủy …", "Samsung Galaxy") the name is part of another one.
      if (m.rule == "org.known") continue;
      if (split_words(text).size() > kMaxWords) continue;
      names.try_emplace(text, Said{m.type, m.value});
    }
  }
  return names;
}

/// The end of the word starting at `pos` (letters, digits, marks, '-', '.' inside a word).
std::size_t end_of_word(std::string_view t, std::size_t pos) {
  std::size_t e = word_end(t, pos);
  while (e + 1 < t.size() && (t[e] == '-' || t[e] == '.' || t[e] == '&') &&
         word_end(t, e + 1) > e + 1) {
    e = word_end(t, e + 1);
  }
  return e;
}

}  // namespace

void add_repeated_names(const NormalizedText& nt, const Lexicon& lexicon,
                        std::vector<Mention>* mentions) {
  const Names names = names_of(*mentions, lexicon);
  if (names.empty()) return;
  std::unordered_set<std::string_view> first_words;  // views into the keys of `names`
  for (const auto& entry : names) {
    first_words.insert(std::string_view(entry.first).substr(0, entry.first.find(' ')));
  }
  const std::string_view t = nt.text;
  std::vector<Mention> found;
  std::size_t next = 0;  // the next mention of *mentions not yet passed
  std::size_t pos = 0;
  while (pos < t.size()) {
    while (next < mentions->size() && (*mentions)[next].end <= pos) ++next;
    const bool covered = next < mentions->size() && (*mentions)[next].start <= pos;
    if (covered) {
      pos = (*mentions)[next].end;
      continue;
    }
    std::size_t len = 0;
    decode_at(t, pos, len);
    const std::size_t step = std::max<std::size_t>(len, 1);
    if (inside_word(t, pos) || !starts_upper(t.substr(pos, step))) {
      pos += step;
      continue;
    }
    // The longest name of up to kMaxWords words from here, ending before the next mention.
    const std::size_t limit = next < mentions->size() ? (*mentions)[next].start : t.size();
    std::size_t e = pos, best = 0;
    const Said* said = nullptr;
    if (!first_words.count(t.substr(pos, end_of_word(t, pos) - pos))) {  // no name starts so
      pos += step;
      continue;
    }
    for (std::size_t k = 0; k < kMaxWords && e < limit; ++k) {
      e = end_of_word(t, e);
      if (e > limit || e == pos) break;
      if (auto it = names.find(std::string(t.substr(pos, e - pos))); it != names.end()) {
        best = e;
        said = &it->second;
      }
      if (e >= t.size() || t[e] != ' ') break;
      ++e;
    }
    if (said == nullptr || !at_word_boundaries(t, pos, best) ||
        part_of_longer_name(t, pos, best)) {
      pos += step;
      continue;
    }
    Mention m;
    m.type = said->type;
    m.start = pos;
    m.end = best;
    m.text = std::string(t.substr(pos, best - pos));
    m.value = said->value;
    m.rule = std::string(kRule);
    found.push_back(std::move(m));
    pos = best;
  }
  if (found.empty()) return;
  mentions->insert(mentions->end(), std::make_move_iterator(found.begin()),
                   std::make_move_iterator(found.end()));
  std::stable_sort(mentions->begin(), mentions->end(), [](const Mention& a, const Mention& b) {
    return a.start < b.start;
  });
}

}  // namespace vnie::detail::entities
